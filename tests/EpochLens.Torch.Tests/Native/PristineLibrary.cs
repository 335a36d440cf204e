using TorchSharp;

namespace EpochLens.Torch.Tests.Native;

/// <summary>TorchSharp's libLibTorchSharp.so as NuGet delivered it (read only, never written) and the build's copy of it.</summary>
internal static class PristineLibrary
{
    public const string RelativePath = "runtimes/linux-x64/native/libLibTorchSharp.so";

    private static readonly Lazy<byte[]> Bytes = new(() => File.ReadAllBytes(CachePath));

    /// <summary>The package version the tests were built against, so the cache path follows a version bump.</summary>
    public static string TorchSharpVersion
    {
        get
        {
            var version = typeof(torch).Assembly.GetName().Version ?? throw new InvalidOperationException("TorchSharp has no assembly version");
            return $"{version.Major}.{version.Minor}.{version.Build}";
        }
    }

    public static string CachePath
    {
        get
        {
            var packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES");
            if (string.IsNullOrEmpty(packages))
            {
                packages = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            }

            return Path.Combine(packages, "torchsharp", TorchSharpVersion, RelativePath);
        }
    }

    public static string OutputCopyPath => Path.Combine(AppContext.BaseDirectory, RelativePath);

    /// <summary>Null when the pristine library is there; otherwise why the tests that need it are skipped.</summary>
    public static string? AbsentReason =>
        File.Exists(CachePath) ? null : $"TorchSharp's pristine native library is not in the NuGet cache at {CachePath} (restored elsewhere?)";

    /// <summary>A fresh copy of the pristine bytes, free to modify.</summary>
    public static byte[] ReadCopy() => (byte[])Bytes.Value.Clone();
}
