using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using TorchSharp;

namespace EpochLens.Torch.Native;

/// <summary>Starts TorchSharp's CPU backend once, and turns a failure to load it into one paragraph of advice.</summary>
public static class TorchRuntime
{
    // Lazy runs the load once even when many threads ask at the same time, and remembers a failure:
    // TorchSharp's own static state is not retried after its type initialiser has failed.
    private static readonly Lazy<TorchUnavailableException?> Failure = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Loads the native backend, or throws <see cref="TorchUnavailableException"/> saying why not and what to do.</summary>
    public static void EnsureLoaded()
    {
        if (Failure.Value is { } failure)
        {
            // A fresh exception per call, so each caller gets its own stack trace.
            throw new TorchUnavailableException(failure.Message, failure.InnerException);
        }
    }

    /// <summary>The platform as NuGet's runtime folders name it, e.g. linux-x64.</summary>
    public static string RuntimeIdentifier
    {
        get
        {
            var os = OperatingSystem.IsWindows() ? "win" : OperatingSystem.IsMacOS() ? "osx" : OperatingSystem.IsLinux() ? "linux" : "unknown";
            var architecture = RuntimeInformation.ProcessArchitecture switch
            {
                Architecture.X64 => "x64",
                Architecture.Arm64 => "arm64",
                Architecture.X86 => "x86",
                Architecture.Arm => "arm",
                var other => other.ToString(),
            };
            return $"{os}-{architecture}";
        }
    }

    /// <summary>
    /// The libLibTorchSharp next to the application that TorchSharp loads: under runtimes/RID/native after
    /// <c>dotnet build</c>, or beside the assemblies after a RID-specific publish.
    /// </summary>
    public static string NativeLibraryPath
    {
        get
        {
            var fileName = OperatingSystem.IsWindows() ? "LibTorchSharp.dll" : OperatingSystem.IsMacOS() ? "libLibTorchSharp.dylib" : "libLibTorchSharp.so";
            var inRuntimes = Path.Combine(AppContext.BaseDirectory, "runtimes", RuntimeIdentifier, "native", fileName);
            var beside = Path.Combine(AppContext.BaseDirectory, fileName);
            return !File.Exists(inRuntimes) && File.Exists(beside) ? beside : inRuntimes;
        }
    }

    /// <summary>
    /// One paragraph for a person: which library failed, the loader's own reason, and what to do about it.
    /// </summary>
    /// <param name="loaderError">The dynamic loader's text, e.g. from dlerror.</param>
    /// <param name="libraryPath">The library that was being loaded.</param>
    /// <param name="runtimeIdentifier">This process's platform, e.g. linux-x64.</param>
    public static string Explain(string loaderError, string libraryPath, string runtimeIdentifier)
    {
        ArgumentNullException.ThrowIfNull(loaderError);
        var reason = Regex.Replace(loaderError, @"\s+", " ").Trim().TrimEnd('.');
        if (reason.Length == 0) reason = "the loader gave no reason";

        var advice = Advice(reason, runtimeIdentifier);
        return $"TorchSharp's native library {libraryPath} could not be loaded: {reason}. {advice}";
    }

    private static string Advice(string reason, string runtimeIdentifier)
    {
        if (Regex.IsMatch(reason, @"(GLIBCXX|CXXABI)_[0-9.]+'? not found"))
        {
            return "The system libstdc++ is older than the GCC 13 one TorchSharp was built against. Rebuild with `dotnet build`, "
                + "which patches the copy in the build output on Debian 12 and Ubuntu 22.04 (a copied or published folder must come "
                + "from such a build), or install libstdc++ from GCC 13 or newer.";
        }

        if (Regex.IsMatch(reason, @"GLIBC_[0-9.]+'? not found"))
            return "The system C library (glibc) is older than libtorch needs: run on Debian 12, Ubuntu 22.04 or a newer Linux.";

        if (Regex.IsMatch(reason, "wrong ELF class|ELFCLASS|invalid ELF header|incompatible architecture|not a valid Win32|exec format error", RegexOptions.IgnoreCase))
        {
            return $"The file is damaged or built for another platform than this process ({runtimeIdentifier}). EpochLens trains on "
                + "linux-x64 with the libtorch-cpu-linux-x64 package; other platforms need TorchSharp's libtorch package for them. "
                + "Rebuild with `dotnet build` on the machine that runs it.";
        }

        if (Regex.IsMatch(reason, "no such file|cannot open shared object file|cannot find|not found", RegexOptions.IgnoreCase))
        {
            return "A native file is missing next to the application: reference the libtorch-cpu-linux-x64 package beside TorchSharp "
                + "(TorchSharp alone carries no libtorch), rebuild with `dotnet build`, and copy the whole runtimes folder with the application.";
        }

        return "Rebuild with `dotnet build`; if that does not help, `ldd` on the library shows which dependency fails.";
    }

    private static TorchUnavailableException? Load()
    {
        try
        {
            torch.InitializeDeviceType(DeviceType.CPU);
            return null;
        }
        catch (Exception e) when (e is TypeInitializationException or DllNotFoundException or NotSupportedException
                                       or BadImageFormatException or EntryPointNotFoundException)
        {
            var library = NativeLibraryPath;
            // TorchSharp's own message is a long trace of every path it tried; the loader says in one line what is wrong.
            var loaderError = File.Exists(library)
                ? DynamicLoader.TryLoad(library) ?? $"the library loads, but TorchSharp failed to start: {FirstLine(Innermost(e).Message)}"
                : $"{library}: no such file";
            return new TorchUnavailableException(Explain(loaderError, library, RuntimeIdentifier), e);
        }
    }

    private static Exception Innermost(Exception e) => e.InnerException is null ? e : Innermost(e.InnerException);

    private static string FirstLine(string text) => text.Split('\n', 2)[0].Trim();
}
