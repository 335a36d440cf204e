using System.Numerics;

namespace EpochLens.Readers.TensorBoard;

/// <summary>TFRecord's CRC-32C: each event-file byte passes here, 8 at a time, via the CRC32 instruction.</summary>
internal static class Crc32C
{
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        for (; data.Length >= 8; data = data[8..])
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));

        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>TensorFlow's mask: a CRC of data holding CRCs is a poor check, so it is rotated and offset.</summary>
    public static uint MaskedOf(ReadOnlySpan<byte> data) => BitOperations.RotateRight(Compute(data), 15) + 0xa282ead8;
}
