using System.Numerics;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// CRC-32C (Castagnoli), as TFRecord framing uses it, with TensorFlow's mask. <see cref="BitOperations.Crc32C(uint,
/// ulong)"/> is the CPU's CRC32 instruction (SSE4.2 or ARMv8) where there is one, a table elsewhere: every byte of an
/// event file passes through here, eight at a time.
/// </summary>
internal static class Crc32C
{
    /// <summary>The CRC-32C of the bytes.</summary>
    public static uint Compute(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        for (; data.Length >= 8; data = data[8..])
            crc = BitOperations.Crc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));

        foreach (var b in data) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    /// <summary>TensorFlow's masked CRC: a CRC of data that holds CRCs is a poor check, so it is rotated and offset.</summary>
    public static uint MaskedOf(ReadOnlySpan<byte> data) => BitOperations.RotateRight(Compute(data), 15) + 0xa282ead8;
}
