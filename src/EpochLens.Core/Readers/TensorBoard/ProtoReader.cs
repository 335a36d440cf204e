using System.Runtime.CompilerServices;

namespace EpochLens.Readers.TensorBoard;

/// <summary>A protobuf wire reader over a span, with no generated types nor allocation: damage returns false.</summary>
internal ref struct ProtoReader(ReadOnlySpan<byte> data)
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data = data;
    private int _position;

    /// <summary>Whether <see cref="TryNext"/> stopped at a malformed key or value rather than at the end.</summary>
    public bool Damaged { readonly get; private set; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        var data = _data;
        for (int shift = 0, at = _position; shift < 64 && (uint)at < (uint)data.Length; shift += 7)
        {
            byte b = data[at++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b >= 0x80) continue;
            _position = at;
            return true;
        }

        return false;
    }

    /// <summary>A varint, fixed64 or fixed32 value as its bits; false for other wire types (and on damage).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadNumber(int wireType, out ulong value)
    {
        value = 0;
        if (wireType == Varint) return TryReadVarint(out value);

        int size = wireType switch { Fixed64 => 8, Fixed32 => 4, _ => 0 };
        if (size == 0 || !TryTake(size, out var bytes)) return false;
        value = size == 8
            ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : BinaryPrimitives.ReadUInt32LittleEndian(bytes);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryReadBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        return TryReadVarint(out ulong length) && length <= (ulong)(_data.Length - _position)
            && TryTake((int)length, out bytes);
    }

    /// <summary>Skips a field's value; groups (wire types 3 and 4, deprecated) count as malformed.</summary>
    public bool TrySkip(int wireType) =>
        wireType == LengthDelimited ? TryReadBytes(out _) : TryReadNumber(wireType, out _);

    /// <summary>The next field's key; false at the end or on damage (a failed <paramref name="read"/> too).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryNext(out int field, out int wireType, bool read = true)
    {
        field = wireType = 0;
        if (!read || _position >= _data.Length)
        {
            Damaged = !read;
            return false;
        }

        Damaged = !TryReadVarint(out ulong key) || key > int.MaxValue || (key >> 3) == 0;
        (field, wireType) = ((int)(key >> 3), (int)(key & 7));
        return !Damaged;
    }

    /// <summary>The last varint <paramref name="field"/>, as protobuf reads a repeated one; false on damage.</summary>
    public static bool TryLast(ReadOnlySpan<byte> message, int field, ref ulong value)
    {
        var reader = new ProtoReader(message);
        for (bool ok = true; reader.TryNext(out int found, out int wire, ok);)
            ok = found == field && wire == Varint ? reader.TryReadVarint(out value) : reader.TrySkip(wire);

        return !reader.Damaged;
    }

    /// <summary>The same for a length-delimited field.</summary>
    public static bool TryLast(ReadOnlySpan<byte> message, int field, ref ReadOnlySpan<byte> value)
    {
        var reader = new ProtoReader(message);
        for (bool ok = true; reader.TryNext(out int found, out int wire, ok);)
            ok = found == field && wire == LengthDelimited ? reader.TryReadBytes(out value) : reader.TrySkip(wire);

        return !reader.Damaged;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryTake(int length, out ReadOnlySpan<byte> bytes)
    {
        bool ok = _data.Length - _position >= length;
        bytes = ok ? _data.Slice(_position, length) : default;
        _position += ok ? length : 0;
        return ok;
    }
}
