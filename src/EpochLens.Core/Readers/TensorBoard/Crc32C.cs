using System.Buffers.Binary;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// CRC-32C (Castagnoli), as TFRecord framing uses it, with TensorFlow's mask. Uses the CPU's CRC32
/// instruction (SSE4.2 or ARMv8) where there is one: every byte of an event file passes through here.
/// </summary>
internal static class Crc32C
{
    private const uint Polynomial = 0x82F63B78; // reversed 0x1EDC6F41
    private const uint MaskDelta = 0xa282ead8;

    private static readonly uint[] Table = BuildTable();

    /// <summary>The CRC-32C of the bytes.</summary>
    public static uint Compute(ReadOnlySpan<byte> data) => ~Update(0xFFFFFFFF, data);

    /// <summary>TensorFlow's masked CRC: a CRC of data that holds CRCs is itself a poor check, so it is rotated and offset.</summary>
    public static uint Mask(uint crc) => ((crc >> 15) | (crc << 17)) + MaskDelta;

    public static uint MaskedOf(ReadOnlySpan<byte> data) => Mask(Compute(data));

    private static uint Update(uint crc, ReadOnlySpan<byte> data)
    {
        if (Sse42.X64.IsSupported)
        {
            ulong wide = crc;
            while (data.Length >= 8)
            {
                wide = Sse42.X64.Crc32(wide, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            crc = (uint)wide;
            foreach (var b in data)
            {
                crc = Sse42.Crc32(crc, b);
            }

            return crc;
        }

        if (Crc32.Arm64.IsSupported)
        {
            while (data.Length >= 8)
            {
                crc = Crc32.Arm64.ComputeCrc32C(crc, BinaryPrimitives.ReadUInt64LittleEndian(data));
                data = data[8..];
            }

            foreach (var b in data)
            {
                crc = Crc32.ComputeCrc32C(crc, b);
            }

            return crc;
        }

        return UpdateWithTable(crc, data);
    }

    /// <summary>The portable path; also what the tests compare the hardware path with.</summary>
    internal static uint ComputeWithTable(ReadOnlySpan<byte> data) => ~UpdateWithTable(0xFFFFFFFF, data);

    private static uint UpdateWithTable(uint crc, ReadOnlySpan<byte> data)
    {
        var table = Table;
        foreach (var b in data)
        {
            crc = table[(crc ^ b) & 0xFF] ^ (crc >> 8);
        }

        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            uint c = i;
            for (int k = 0; k < 8; k++)
            {
                c = (c & 1) != 0 ? (c >> 1) ^ Polynomial : c >> 1;
            }

            table[i] = c;
        }

        return table;
    }
}
