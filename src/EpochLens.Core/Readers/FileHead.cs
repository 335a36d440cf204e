using System.IO.Compression;
using System.Runtime.ExceptionServices;

namespace EpochLens.Readers;

/// <summary>The first bytes of a file, decompressed when the file is gzip and as UTF-8 when it is UTF-16, for format detection.</summary>
public static class FileHead
{
    public const int Size = 4096;

    /// <summary>Up to <see cref="Size"/> bytes from the start of the file (of its content, when gzip), as UTF-8 when it is UTF-16.</summary>
    public static byte[] Read(string path) => TextEncoding.Utf8(ReadBytes(path));

    /// <summary>Up to <see cref="Size"/> bytes from the start of the file (of its content, when gzip), as they are.</summary>
    public static byte[] ReadBytes(string path)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: Size);
        var raw = ReadUpTo(file);
        if (!IsGzip(raw)) return raw;
        file.Position = 0;
        try
        {
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            return ReadUpTo(gzip);
        }
        catch (InvalidDataException)
        {
            return raw; // a damaged gzip file: the reader reports it properly; detection sees the raw bytes
        }
    }

    public static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes is [0x1f, 0x8b, ..];

    /// <summary>Whether a file, opened and not yet read, is gzip; it is left at its start.</summary>
    public static bool IsGzip(Stream file)
    {
        ArgumentNullException.ThrowIfNull(file);
        Span<byte> magic = stackalloc byte[2];
        int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
        file.Position = 0;
        return IsGzip(magic[..read]);
    }

    /// <summary>
    /// Reads up to <paramref name="head"/>'s length from a stream; damage met there (a broken gzip member) ends it and is
    /// kept in <paramref name="failure"/>, for a reader to throw where it expects and reports such damage.
    /// </summary>
    internal static int ReadHead(Stream stream, byte[] head, out Exception? failure)
    {
        int read = 0;
        failure = null;
        try
        {
            while (read < head.Length && stream.Read(head, read, head.Length - read) is var n and > 0) read += n;
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            failure = e;
        }

        return read;
    }

    private static byte[] ReadUpTo(Stream stream)
    {
        var buffer = new byte[Size];
        int total = ReadHead(stream, buffer, out var failure);

        // Truncated gzip: what came out before the damage is enough to detect the format.
        if (failure is not null && !(failure is InvalidDataException && total > 0))
        {
            ExceptionDispatchInfo.Throw(failure);
        }

        return buffer[..total];
    }
}
