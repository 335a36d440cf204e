using System.Numerics;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// CRC-32C, as TFRecord framing uses it, with TensorFlow's mask: every byte of an event file passes through here, eight
/// at a time through the CPU's CRC32 instruction (SSE4.2 or ARMv8) where there is one.
/// </summary>
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
