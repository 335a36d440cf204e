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

    /// <summary>Content larger than this (a bomb) is left compressed: mutations then change the compressed bytes.</summary>
    private const int MaxContent = 64 << 20;

    /// <summary>The content, or null when the data is not a whole gzip stream (a mutation already damaged it) or a bomb.</summary>
    public static byte[]? TryDecompress(byte[] data)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(data), CompressionMode.Decompress);
            using var memory = new MemoryStream();
            var buffer = new byte[1 << 16];
            int read;
            while ((read = gzip.Read(buffer)) > 0)
            {
                if (memory.Length + read > MaxContent)
                {
                    return null;
                }

                memory.Write(buffer, 0, read);
            }

            return memory.ToArray();
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }
}
