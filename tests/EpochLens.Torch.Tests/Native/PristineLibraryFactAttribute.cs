namespace EpochLens.Torch.Tests.Native;

/// <summary>A fact that needs the pristine libLibTorchSharp.so from the NuGet cache and is skipped, saying so, without it.</summary>
public sealed class PristineLibraryFactAttribute : FactAttribute
{
    public PristineLibraryFactAttribute()
    {
        Skip = PristineLibrary.AbsentReason;
    }
}
