using static EpochLens.Readers.TensorBoard.ProtoReader;

namespace EpochLens.Readers.TensorBoard;

/// <summary>A one-element TensorProto's value, as TensorBoard's scalars plugin reads it (make_ndarray.item).</summary>
internal static class TensorScalar
{
    // DataType values from tensorflow/core/framework/types.proto.
    private const int DtFloat = 1;
    private const int DtDouble = 2;
    private const int DtInt32 = 3;
    private const int DtUint8 = 4;
    private const int DtInt16 = 5;
    private const int DtInt8 = 6;
    private const int DtInt64 = 9;
    private const int DtBfloat16 = 14;
    private const int DtHalf = 19;

    /// <summary>False for anything but a one-element number (strings, vectors, damage).</summary>
    public static bool TryRead(ReadOnlySpan<byte> tensor, out double value)
    {
        // tensor.proto: the first element of each typed field, as its bits (half_val holds half and bfloat16 bits).
        ulong dtype = 0;
        ulong? floats = null, doubles = null, ints = null, int64s = null, halves = null;
        ReadOnlySpan<byte> content = default;
        bool hasContent = false, scalarShape = true;
        var reader = new ProtoReader(tensor);
        for (bool ok = true; reader.TryNext(out int field, out int wire, ok);)
        {
            ok = (field, wire) switch
            {
                (1, Varint) => reader.TryReadVarint(out dtype),
                (2, LengthDelimited) => reader.TryReadBytes(out var shape) && IsOneElement(shape, out scalarShape),
                (4, LengthDelimited) => hasContent = reader.TryReadBytes(out content),
                (5, _) => TakeFirst(ref reader, wire, Fixed32, ref floats),
                (6, _) => TakeFirst(ref reader, wire, Fixed64, ref doubles),
                (7, _) => TakeFirst(ref reader, wire, Varint, ref ints),
                (10, _) => TakeFirst(ref reader, wire, Varint, ref int64s),
                (13, _) => TakeFirst(ref reader, wire, Varint, ref halves),
                _ => reader.TrySkip(wire),
            };
        }

        double? read = reader.Damaged || !scalarShape ? null
            : hasContent ? FromContent(dtype, content)
            : dtype switch
            {
                DtFloat => floats is { } f ? BitConverter.UInt32BitsToSingle((uint)f) : null,
                DtDouble => doubles is { } d ? BitConverter.UInt64BitsToDouble(d) : null,
                DtInt32 or DtInt16 or DtInt8 or DtUint8 => ints is { } i ? (int)i : null,
                DtInt64 => int64s is { } l ? (long)l : null,
                DtHalf => halves is { } h ? (double)BitConverter.UInt16BitsToHalf((ushort)h) : null,
                DtBfloat16 => halves is { } b ? BFloat16((ushort)b) : null,
                _ => null,
            };
        value = read ?? 0;
        return read is not null;
    }

    /// <summary>Keeps the first element of a repeated numeric field, packed (a length-delimited run) or not.</summary>
    private static bool TakeFirst(ref ProtoReader reader, int wire, int elementWire, ref ulong? first)
    {
        ulong element = 0;
        ReadOnlySpan<byte> packed = default;
        bool ok = wire == LengthDelimited ? reader.TryReadBytes(out packed) : reader.TryReadNumber(wire, out element);
        bool found = wire == LengthDelimited ? new ProtoReader(packed).TryReadNumber(elementWire, out element)
            : ok && wire == elementWire;
        first ??= found ? element : (ulong?)null;
        return ok;
    }

    private static bool IsOneElement(ReadOnlySpan<byte> shape, out bool oneElement)
    {
        // TensorShapeProto: repeated Dim dim = 2 { int64 size = 1; string name = 2; }, bool unknown_rank = 3.
        oneElement = true;
        var reader = new ProtoReader(shape);
        for (bool ok = true; reader.TryNext(out int field, out int wire, ok);)
        {
            ulong size = 0, unknownRank = 0;
            bool isDim = field == 2 && wire == LengthDelimited;
            ok = isDim ? reader.TryReadBytes(out var dim) && TryLast(dim, 1, ref size)
                : field == 3 && wire == Varint ? reader.TryReadVarint(out unknownRank)
                : reader.TrySkip(wire);
            oneElement &= (!isDim || size == 1) && unknownRank == 0;
        }

        return !reader.Damaged;
    }

    private static double? FromContent(ulong dtype, ReadOnlySpan<byte> content) => (dtype, content.Length) switch
    {
        (DtFloat, 4) => BinaryPrimitives.ReadSingleLittleEndian(content),
        (DtDouble, 8) => BinaryPrimitives.ReadDoubleLittleEndian(content),
        (DtInt32, 4) => BinaryPrimitives.ReadInt32LittleEndian(content),
        (DtInt64, 8) => BinaryPrimitives.ReadInt64LittleEndian(content),
        (DtHalf, 2) => (double)BinaryPrimitives.ReadHalfLittleEndian(content),
        (DtBfloat16, 2) => BFloat16(BinaryPrimitives.ReadUInt16LittleEndian(content)),
        (DtInt16, 2) => BinaryPrimitives.ReadInt16LittleEndian(content),
        (DtInt8, 1) => (sbyte)content[0],
        (DtUint8, 1) => content[0],
        _ => null,
    };

    private static double BFloat16(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);
}
