using System.Runtime.InteropServices;

namespace EpochLens.Torch.Native;

/// <summary>Asks the operating system's loader to load a library and returns its own words when it refuses.</summary>
internal static class DynamicLoader
{
    private const int RtldNow = 2;

    /// <summary>Null when <paramref name="libraryPath"/> loads; otherwise the loader's reason, as exact as the platform gives it.</summary>
    public static string? TryLoad(string libraryPath)
    {
        if (OperatingSystem.IsLinux())
        {
            try
            {
                return TryDlopen(libraryPath);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc 2.34+ (dlopen lives in libdl there, or this is musl): fall back to .NET's own wording.
            }
        }

        try
        {
            NativeLibrary.Free(NativeLibrary.Load(libraryPath));
            return null;
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            return e.Message;
        }
    }

    // dlerror gives the loader's exact sentence ("version `GLIBCXX_3.4.32' not found (required by ...)"),
    // which .NET's DllNotFoundException wraps in several lines of generic advice.
    private static string? TryDlopen(string libraryPath)
    {
        // The runtime binds a P/Invoke with dlsym on its first call, and any successful dl* call clears this
        // thread's dlerror text: calling dlerror once now binds it, so nothing runs between dlopen and dlerror.
        _ = dlerror();
        var handle = dlopen(libraryPath, RtldNow);
        if (handle != IntPtr.Zero)
        {
            _ = dlclose(handle);
            return null;
        }

        return Marshal.PtrToStringUTF8(dlerror()) ?? "the dynamic loader gave no reason";
    }

    [DllImport("libc", CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern IntPtr dlopen(string fileName, int flags);

    [DllImport("libc")]
    private static extern IntPtr dlerror();

    [DllImport("libc")]
    private static extern int dlclose(IntPtr handle);
}
