using System.Buffers.Binary;
using System.IO.Compression;
using EpochLens.Torch.Data;

namespace EpochLens.Torch.Tests.Data;

/// <summary>Builds IDX files byte by byte, including broken ones the writer would never produce.</summary>
internal static class IdxBytes
{
    public static byte[] Header(byte type, params uint[] dimensions)
    {
        var header = new byte[4 + (4 * dimensions.Length)];
        header[2] = type;
        header[3] = (byte)dimensions.Length;
        for (var i = 0; i < dimensions.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(header.AsSpan(4 + (4 * i)), dimensions[i]);
        }

        return header;
    }

    public static byte[] Gzip(byte[] plain)
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(plain);
        }

        return memory.ToArray();
    }

    public static byte[] Plain(IdxArray array)
    {
        using var memory = new MemoryStream();
        IdxFile.Write(memory, array);
        return memory.ToArray();
    }

    public static IdxArray Random(int seed, params int[] dimensions)
    {
        var data = new byte[dimensions.Aggregate(1, (a, b) => a * b)];
        new Random(seed).NextBytes(data);
        return new IdxArray(dimensions, data);
    }
}
