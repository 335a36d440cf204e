using System.IO.Compression;

namespace EpochLens.Bench.Fuzz;

/// <summary>gzip in and out of byte arrays, for mutating a compressed log's content and compressing it again.</summary>
internal static class Gzip
{
    public static byte[] Compress(ReadOnlySpan<byte> data)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(data);
        }

        return memory.ToArray();
    }

    /// <summary>The content, or null when the data is not a whole gzip stream (a mutation already damaged it).</summary>
    public static byte[]? TryDecompress(byte[] data)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var memory = new MemoryStream();
            gzip.CopyTo(memory);
            return memory.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
