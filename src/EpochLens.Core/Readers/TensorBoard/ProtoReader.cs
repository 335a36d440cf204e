using System.Buffers.Binary;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// A bounds-checked protocol-buffer wire reader over a span: just enough to pick the few Event fields
/// EpochLens needs without generated types or allocation. Every read returns false on malformed input
/// instead of throwing, so damaged records cost a branch, not an exception.
/// </summary>
internal ref struct ProtoReader
{
    public const int Varint = 0;
    public const int Fixed64 = 1;
    public const int LengthDelimited = 2;
    public const int Fixed32 = 5;

    private readonly ReadOnlySpan<byte> _data;
    private int _position;

    public ProtoReader(ReadOnlySpan<byte> data)
    {
        _data = data;
        _position = 0;
    }

    /// <summary>Whether <see cref="TryNext"/> or <see cref="TryFind"/> stopped at a malformed key or value.</summary>
    public bool Damaged { readonly get; private set; }

    public bool TryReadVarint(out ulong value)
    {
        value = 0;
        var data = _data;
        int position = _position;
        for (int shift = 0; shift < 64; shift += 7)
        {
            if ((uint)position >= (uint)data.Length)
            {
                return false;
            }

            byte b = data[position++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80)
            {
                _position = position;
                return true;
            }
        }

        return false;
    }

    public bool TryReadFixed64(out ulong value)
    {
        bool ok = TryTake(8, out var bytes);
        value = ok ? BinaryPrimitives.ReadUInt64LittleEndian(bytes) : 0;
        return ok;
    }

    public bool TryReadFixed32(out uint value)
    {
        bool ok = TryTake(4, out var bytes);
        value = ok ? BinaryPrimitives.ReadUInt32LittleEndian(bytes) : 0;
        return ok;
    }

    public bool TryReadBytes(out ReadOnlySpan<byte> bytes)
    {
        bytes = default;
        if (!TryReadVarint(out ulong length) || length > (ulong)(_data.Length - _position))
        {
            return false;
        }

        bytes = _data.Slice(_position, (int)length);
        _position += (int)length;
        return true;
    }

    /// <summary>Skips a field's value; groups (wire types 3 and 4, deprecated) count as malformed.</summary>
    public bool TrySkip(int wireType) => wireType switch
    {
        Varint => TryReadVarint(out _),
        Fixed64 => TryReadFixed64(out _),
        LengthDelimited => TryReadBytes(out _),
        Fixed32 => TryReadFixed32(out _),
        _ => false,
    };

    /// <summary>Reads the next field's key; false at the end of the message, or on damage, which <see cref="Damaged"/> then says.</summary>
    public bool TryNext(out int field, out int wireType)
    {
        field = 0;
        wireType = 0;
        if (_position >= _data.Length)
        {
            return false;
        }

        Damaged = !TryReadVarint(out ulong key) || key > int.MaxValue || (key >> 3) == 0;
        field = (int)(key >> 3);
        wireType = (int)(key & 7);
        return !Damaged;
    }

    /// <summary>
    /// Skips to the next occurrence of <paramref name="field"/> with <paramref name="wireType"/>, leaving its value
    /// to read; false at the end of the message or on damage, which <see cref="Damaged"/> then says.
    /// </summary>
    public bool TryFind(int field, int wireType)
    {
        while (TryNext(out int found, out int wire))
        {
            if (found == field && wire == wireType)
            {
                return true;
            }

            if (!TrySkip(wire))
            {
                Damaged = true;
                return false;
            }
        }

        return false;
    }

    /// <summary>
    /// The last <paramref name="field"/> (a varint) of <paramref name="message"/>, as protobuf reads a field met twice;
    /// <paramref name="value"/> is left as it was when there is none. False on damage.
    /// </summary>
    public static bool TryLast(ReadOnlySpan<byte> message, int field, ref ulong value)
    {
        var reader = new ProtoReader(message);
        while (reader.TryFind(field, Varint))
        {
            if (!reader.TryReadVarint(out value))
            {
                return false;
            }
        }

        return !reader.Damaged;
    }

    /// <summary>The same for a length-delimited field.</summary>
    public static bool TryLast(ReadOnlySpan<byte> message, int field, ref ReadOnlySpan<byte> value)
    {
        var reader = new ProtoReader(message);
        while (reader.TryFind(field, LengthDelimited))
        {
            if (!reader.TryReadBytes(out value))
            {
                return false;
            }
        }

        return !reader.Damaged;
    }

    /// <summary>The bytes this reader consumed to reach <paramref name="later"/>, a copy of it that read further.</summary>
    public readonly ReadOnlySpan<byte> RemainingUntil(ProtoReader later) => _data[_position..later._position];

    private bool TryTake(int length, out ReadOnlySpan<byte> bytes)
    {
        if (_data.Length - _position < length)
        {
            bytes = default;
            return false;
        }

        bytes = _data.Slice(_position, length);
        _position += length;
        return true;
    }
}
