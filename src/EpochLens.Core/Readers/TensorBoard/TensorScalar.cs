using System.Buffers.Binary;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Reads the one value of a scalar TensorProto (tensorflow/core/framework/tensor.proto), as
/// TensorBoard's scalars plugin does with <c>make_ndarray(tensor).item()</c>: a tensor of no dimensions
/// or of one element, its value in tensor_content or in the typed repeated field.
/// </summary>
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

    // TensorProto field numbers.
    private const int DtypeField = 1;
    private const int ShapeField = 2;
    private const int ContentField = 4;
    private const int FloatValField = 5;
    private const int DoubleValField = 6;
    private const int IntValField = 7;
    private const int Int64ValField = 10;
    private const int HalfValField = 13;

    /// <summary>The value of a one-element numeric tensor; false for anything else (strings, vectors, damage).</summary>
    public static bool TryRead(ReadOnlySpan<byte> tensor, out double value)
    {
        value = 0;
        int dtype = 0;
        ReadOnlySpan<byte> content = default, floats = default, doubles = default, ints = default, int64s = default, halves = default;
        bool hasContent = false, scalarShape = true, ok = true;
        var reader = new ProtoReader(tensor);
        while (ok && reader.TryNext(out int field, out int wire))
        {
            ok = (field, wire) switch
            {
                (DtypeField, ProtoReader.Varint) => ReadInt(ref reader, out dtype),
                (ShapeField, ProtoReader.LengthDelimited) => reader.TryReadBytes(out var shape) && IsOneElement(shape, out scalarShape),
                (ContentField, ProtoReader.LengthDelimited) => hasContent = reader.TryReadBytes(out content),
                (FloatValField, _) => TakeFirst(ref reader, wire, ref floats),
                (DoubleValField, _) => TakeFirst(ref reader, wire, ref doubles),
                (IntValField, _) => TakeFirst(ref reader, wire, ref ints),
                (Int64ValField, _) => TakeFirst(ref reader, wire, ref int64s),
                (HalfValField, _) => TakeFirst(ref reader, wire, ref halves),
                _ => reader.TrySkip(wire),
            };
        }

        if (!ok || reader.Damaged || !scalarShape)
        {
            return false;
        }

        return hasContent ? FromContent(dtype, content, out value) : FromTypedField(dtype, floats, doubles, ints, int64s, halves, out value);
    }

    private static bool ReadInt(ref ProtoReader reader, out int result)
    {
        bool ok = reader.TryReadVarint(out ulong raw);
        result = raw > int.MaxValue ? -1 : (int)raw;
        return ok;
    }

    /// <summary>
    /// Keeps the first element's encoding of a repeated field, packed or not: for a packed field the
    /// whole run (its first element is decoded later), for an unpacked one the element itself.
    /// </summary>
    private static bool TakeFirst(ref ProtoReader reader, int wire, ref ReadOnlySpan<byte> first)
    {
        var before = reader;
        ReadOnlySpan<byte> packed = default;
        bool ok = wire == ProtoReader.LengthDelimited ? reader.TryReadBytes(out packed) : reader.TrySkip(wire);
        if (ok && first.IsEmpty)
        {
            // An unpacked element is kept as its own encoding, a one-element run, so decoding has one path.
            first = wire == ProtoReader.LengthDelimited ? packed : before.RemainingUntil(reader);
        }

        return ok;
    }

    private static bool IsOneElement(ReadOnlySpan<byte> shape, out bool oneElement)
    {
        // TensorShapeProto: repeated Dim dim = 2 { int64 size = 1; string name = 2; }, bool unknown_rank = 3.
        oneElement = true;
        var reader = new ProtoReader(shape);
        bool ok = true;
        while (ok && reader.TryNext(out int field, out int wire))
        {
            ulong size = 0, unknownRank = 0;
            bool isDim = field == 2 && wire == ProtoReader.LengthDelimited;
            ok = isDim ? reader.TryReadBytes(out var dim) && ProtoReader.TryLast(dim, 1, ref size)
                : field == 3 && wire == ProtoReader.Varint ? reader.TryReadVarint(out unknownRank)
                : reader.TrySkip(wire);
            oneElement &= (!isDim || size == 1) && unknownRank == 0;
        }

        return ok && !reader.Damaged;
    }

    private static bool FromContent(int dtype, ReadOnlySpan<byte> content, out double value)
    {
        double? read = (dtype, content.Length) switch
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
        value = read ?? 0;
        return read is not null;
    }

    private static bool FromTypedField(int dtype, ReadOnlySpan<byte> floats, ReadOnlySpan<byte> doubles, ReadOnlySpan<byte> ints,
        ReadOnlySpan<byte> int64s, ReadOnlySpan<byte> halves, out double value)
    {
        value = 0;
        switch (dtype)
        {
            case DtFloat when floats.Length >= 4:
                value = BinaryPrimitives.ReadSingleLittleEndian(floats);
                return true;
            case DtDouble when doubles.Length >= 8:
                value = BinaryPrimitives.ReadDoubleLittleEndian(doubles);
                return true;
            case DtInt32 or DtInt16 or DtInt8 or DtUint8 when FirstVarint(ints, out ulong i):
                value = (int)i;
                return true;
            case DtInt64 when FirstVarint(int64s, out ulong l):
                value = (long)l;
                return true;
            case DtHalf when FirstVarint(halves, out ulong h):
                value = (double)BitConverter.UInt16BitsToHalf((ushort)h);
                return true;
            case DtBfloat16 when FirstVarint(halves, out ulong b):
                value = BFloat16((ushort)b);
                return true;
            default:
                return false;
        }
    }

    private static bool FirstVarint(ReadOnlySpan<byte> run, out ulong value)
    {
        var reader = new ProtoReader(run);
        return reader.TryReadVarint(out value);
    }

    private static double BFloat16(ushort bits) => BitConverter.Int32BitsToSingle(bits << 16);
}
