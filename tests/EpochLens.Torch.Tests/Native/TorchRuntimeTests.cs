using EpochLens.Build;
using EpochLens.Torch.Native;
using TorchSharp;

namespace EpochLens.Torch.Tests.Native;

[Trait("Category", "Torch")] // trains or loads libtorch: the slow tests, left out of the fast run
public sealed class TorchRuntimeTests : IDisposable
{
    private const string Library = "/app/runtimes/linux-x64/native/libLibTorchSharp.so";

    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-loader-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void EnsureLoaded_starts_the_CPU_backend_and_tensors_work()
    {
        TorchRuntime.EnsureLoaded();

        using var a = torch.ones(2, 3);
        using var b = torch.full(3, 4, 2f);
        using var product = a.matmul(b);
        using var total = product.sum();
        Assert.Equal(2 * 4 * 3 * 2f, total.item<float>());
    }

    [Fact]
    public void EnsureLoaded_is_safe_to_call_from_many_threads_at_once()
    {
        var failures = 0;

        Parallel.For(0, 16, _ =>
        {
            try
            {
                TorchRuntime.EnsureLoaded();
            }
            catch (TorchUnavailableException)
            {
                Interlocked.Increment(ref failures);
            }
        });

        Assert.Equal(0, failures);
    }

    [Theory]
    [InlineData(
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by " + Library + ")",
        "Rebuild with `dotnet build`")]
    [InlineData(
        "/usr/lib/x86_64-linux-gnu/libstdc++.so.6: version `GLIBCXX_3.4.32' not found (required by " + Library + ")",
        "install libstdc++ from GCC 13 or newer")]
    [InlineData("/lib/x86_64-linux-gnu/libc.so.6: version `GLIBC_2.34' not found (required by libtorch_cpu.so)", "older than libtorch needs")]
    [InlineData("libtorch.so: cannot open shared object file: No such file or directory", "libtorch-cpu-linux-x64 package")]
    [InlineData(Library + ": no such file", "libtorch-cpu-linux-x64 package")]
    [InlineData(Library + ": wrong ELF class: ELFCLASS64", "built for another platform than this process (linux-arm)")]
    [InlineData(Library + ": invalid ELF header", "damaged or built for another platform")]
    [InlineData(Library + ": undefined symbol: _ZN3c106detail14torchCheckFailEPKcS2_jRKSs", "`ldd` on the library")]
    public void Explain_names_the_library_quotes_the_loader_and_advises(string loaderError, string advice)
    {
        var message = TorchRuntime.Explain(loaderError, Library, "linux-arm");

        Assert.StartsWith($"TorchSharp's native library {Library} could not be loaded: ", message, StringComparison.Ordinal);
        Assert.Contains(loaderError, message, StringComparison.Ordinal);
        Assert.Contains(advice, message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
    }

    [Fact]
    public void Explain_keeps_a_multi_line_loader_error_in_one_paragraph()
    {
        var message = TorchRuntime.Explain("first line\nsecond line\r\n", Library, "linux-x64");

        Assert.Contains("could not be loaded: first line second line. ", message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain('\r', message);
    }

    [Fact]
    public void The_native_library_path_is_the_build_output_copy()
    {
        Assert.Equal(Path.GetFullPath(PristineLibrary.OutputCopyPath), Path.GetFullPath(TorchRuntime.NativeLibraryPath));
        Assert.True(File.Exists(TorchRuntime.NativeLibraryPath));
    }

    [Fact]
    public void The_loader_accepts_the_build_output_copy()
    {
        Assert.Null(DynamicLoader.TryLoad(TorchRuntime.NativeLibraryPath));
    }

    [Fact]
    public void The_loader_says_when_a_file_is_missing()
    {
        var missing = Path.Combine(_folder, "libLibTorchSharp.so");

        var error = DynamicLoader.TryLoad(missing);

        Assert.NotNull(error);
        Assert.Contains("No such file", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_loader_says_when_a_file_is_not_a_library()
    {
        var path = Path.Combine(_folder, "libLibTorchSharp.so");
        File.WriteAllText(path, new string('x', 4096));

        var error = DynamicLoader.TryLoad(path);

        Assert.NotNull(error);
        Assert.Contains("damaged or built for another platform", TorchRuntime.Explain(error, path, "linux-x64"), StringComparison.Ordinal);
    }

    [PristineLibraryFact]
    public void The_loader_names_the_missing_GLIBCXX_version_of_the_uncured_library_when_the_system_lacks_it()
    {
        // The pristine library beside links to the libtorch files of the build output, as its RUNPATH $ORIGIN expects.
        var outputNative = Path.GetDirectoryName(PristineLibrary.OutputCopyPath)!;
        foreach (var dependency in Directory.GetFiles(outputNative).Where(f => Path.GetFileName(f) != "libLibTorchSharp.so"))
        {
            File.CreateSymbolicLink(Path.Combine(_folder, Path.GetFileName(dependency)), dependency);
        }

        var uncured = Path.Combine(_folder, "libLibTorchSharp.so");
        File.Copy(PristineLibrary.CachePath, uncured);
        var system = LibStdCxxCure.FindSystemLibStdCxx();
        var systemLacks = system is not null
            && !LibStdCxxCure.ElfImage.Load(File.ReadAllBytes(system)).DefinedVersions().Contains(LibStdCxxCure.MissingVersion);

        var error = DynamicLoader.TryLoad(uncured);

        if (systemLacks)
        {
            Assert.NotNull(error);
            Assert.Contains("version `GLIBCXX_3.4.32' not found", error, StringComparison.Ordinal);
            Assert.Contains("Rebuild with `dotnet build`", TorchRuntime.Explain(error, uncured, "linux-x64"), StringComparison.Ordinal);
        }
        else
        {
            Assert.Null(error);
        }
    }
}
