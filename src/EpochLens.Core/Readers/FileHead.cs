using System.IO.Compression;

namespace EpochLens.Readers;

/// <summary>The first bytes of a file for format detection, decompressed when gzip.</summary>
public static class FileHead
{
    public const int Size = 4096;

    /// <summary>Up to <see cref="Size"/> bytes from the start of the file, as UTF-8 when it is UTF-16.</summary>
    public static byte[] Read(string path) => TextEncoding.Utf8(ReadBytes(path));

    /// <summary>Up to <see cref="Size"/> bytes from the start of the file, as they are.</summary>
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

    private static byte[] ReadUpTo(Stream stream)
    {
        var buffer = new byte[Size];
        int total = 0;
        try
        {
            while (total < Size && stream.Read(buffer, total, Size - total) is var n and > 0) total += n;
        }
        catch (InvalidDataException) when (total > 0)
        {
            // Truncated gzip: what came out before the damage is enough to detect the format.
        }

        return buffer[..total];
    }
}
