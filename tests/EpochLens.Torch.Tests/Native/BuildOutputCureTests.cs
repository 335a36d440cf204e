using EpochLens.Build;

namespace EpochLens.Torch.Tests.Native;

public sealed class BuildOutputCureTests
{
    private static bool NeedsMissingVersion(string library) =>
        LibStdCxxCure.ElfImage.Load(File.ReadAllBytes(library)).VersionNeeds()
            .SelectMany(n => n.Versions)
            .Any(v => v.Name == LibStdCxxCure.MissingVersion);

    [PristineLibraryFact]
    public void The_build_cured_its_own_output_copy_exactly_when_the_system_lacks_3_4_32_and_left_the_cache_alone()
    {
        var system = OperatingSystem.IsLinux() ? LibStdCxxCure.FindSystemLibStdCxx() : null;
        var systemLacks = system is not null
            && !LibStdCxxCure.ElfImage.Load(File.ReadAllBytes(system)).DefinedVersions().Contains(LibStdCxxCure.MissingVersion);

        Assert.True(File.Exists(PristineLibrary.OutputCopyPath), $"the build copied no native library to {PristineLibrary.OutputCopyPath}");
        Assert.True(NeedsMissingVersion(PristineLibrary.CachePath), $"the NuGet cache copy {PristineLibrary.CachePath} was modified");
        if (systemLacks)
        {
            Assert.False(NeedsMissingVersion(PristineLibrary.OutputCopyPath), $"{system} lacks {LibStdCxxCure.MissingVersion} but the build did not cure its output copy");
        }
        else
        {
            Assert.Equal(File.ReadAllBytes(PristineLibrary.CachePath), File.ReadAllBytes(PristineLibrary.OutputCopyPath));
        }
    }
}
