using System.Buffers.Binary;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Bench.Fuzz;

/// <summary>The TFRecord frames of an event file (offset and payload length of each intact one), and frame surgery.</summary>
internal static class TfRecords
{
    public const int HeaderLength = 12;
    public const int FooterLength = 4;

    /// <summary>The frames from the start up to the first that does not parse.</summary>
    public static List<(int Offset, int Length)> Frames(byte[] data)
    {
        var frames = new List<(int, int)>();
        int at = 0;
        while (at + HeaderLength <= data.Length)
        {
            ulong length = BinaryPrimitives.ReadUInt64LittleEndian(data.AsSpan(at));
            if (length > (ulong)(data.Length - at - HeaderLength - FooterLength))
            {
                break;
            }

            frames.Add((at, (int)length));
            at += HeaderLength + (int)length + FooterLength;
        }

        return frames;
    }

    public static int End((int Offset, int Length) frame) => frame.Offset + HeaderLength + frame.Length + FooterLength;

    /// <summary>Writes a length and its valid masked checksum at a frame's start.</summary>
    public static void SetLength(byte[] data, int offset, ulong length)
    {
        BinaryPrimitives.WriteUInt64LittleEndian(data.AsSpan(offset), length);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(offset + 8), Crc32C.MaskedOf(data.AsSpan(offset, 8)));
    }
}
