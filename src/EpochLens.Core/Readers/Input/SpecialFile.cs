using System.Runtime.InteropServices;

namespace EpochLens.Readers.Input;

/// <summary>
/// Names a path that is not a regular file, to refuse it before opening it: opening a FIFO blocks until a writer comes,
/// /dev/zero never ends. .NET reports them as ordinary files, so the kind is asked of statx (Linux only).
/// </summary>
internal static class SpecialFile
{
    private const int CurrentFolder = -100; // AT_FDCWD
    private const uint TypeField = 0x1; // STATX_TYPE
    private const int ModeOffset = 28; // stx_mode, a 16-bit field, in every architecture's struct statx
    private const int TypeBits = 0xF000; // S_IFMT

    /// <summary>"a FIFO (named pipe)", "a character device", ...; null for a regular file or folder, a missing path, or where the kind cannot be asked.</summary>
    public static string? Kind(string path)
    {
        if (!OperatingSystem.IsLinux()) return null;
        var status = new byte[256];
        try
        {
            if (statx(CurrentFolder, path, 0, TypeField, status) != 0) return null;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null; // a C library without statx (before glibc 2.28): the file is read as before
        }

        return (BitConverter.ToUInt16(status, ModeOffset) & TypeBits) switch
        {
            0x1000 => "a FIFO (named pipe)",
            0x2000 => "a character device",
            0x6000 => "a block device",
            0xC000 => "a socket",
            _ => null,
        };
    }

    /// <summary>Whether the path is a file that exists and is not special.</summary>
    public static bool IsReadableFile(string path) => File.Exists(path) && Kind(path) is null;

    [DllImport("libc", SetLastError = true, CharSet = CharSet.Ansi, BestFitMapping = false, ThrowOnUnmappableChar = true)]
    private static extern int statx(int directory, string path, int flags, uint mask, byte[] status);
}
