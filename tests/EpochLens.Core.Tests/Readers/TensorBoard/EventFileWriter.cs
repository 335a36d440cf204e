using System.Buffers.Binary;
using System.Text;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>
/// Writes TensorBoard event files the way PyTorch's SummaryWriter does (torch/utils/tensorboard/writer.py
/// and tensorboard/summary/writer/record_writer.py): TFRecord frames around Event messages, a first event
/// with file_version "brain.Event:2", scalars as simple_value or as new-style "scalars" tensors, and
/// SessionLog START for purge_step. Shared with bench/EventFileSpeed, which links this file.
/// </summary>
internal sealed class EventFileWriter : IDisposable
{
    private readonly Stream _stream;
    private byte[] _event = new byte[256];
    private int _length;

    public EventFileWriter(Stream stream) => _stream = stream;

    public EventFileWriter(string path)
        : this(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.Read, 1 << 16))
    {
    }

    /// <summary>The first event of every file, as EventFileWriter writes it.</summary>
    public void WriteFileVersion(double wallTime = 1.7e9)
    {
        Begin(wallTime, step: null);
        Bytes(3, "brain.Event:2"u8);
        End();
    }

    public void WriteScalar(string tag, long step, float value, double wallTime = 1.7e9)
    {
        Begin(wallTime, step);
        int summary = Open(5);
        int item = Open(1);
        Bytes(1, Encoding.UTF8.GetBytes(tag));
        Key(2, 5);
        Fixed32(BitConverter.SingleToUInt32Bits(value));
        Close(item);
        Close(summary);
        End();
    }

    /// <summary>SummaryWriter(new_style=True): a DT_FLOAT scalar tensor with "scalars" plugin metadata (optional, as TF2 sends it once).</summary>
    public void WriteTensorScalar(string tag, long step, float value, bool withMetadata = true, double wallTime = 1.7e9)
    {
        Begin(wallTime, step);
        int summary = Open(5);
        int item = Open(1);
        Bytes(1, Encoding.UTF8.GetBytes(tag));
        int tensor = Open(8);
        Varint(1, 1); // DT_FLOAT
        Span<byte> bits = stackalloc byte[4];
        BinaryPrimitives.WriteSingleLittleEndian(bits, value);
        Bytes(5, bits); // packed float_val
        Close(tensor);
        if (withMetadata)
        {
            WritePluginMetadata("scalars"u8);
        }

        Close(item);
        Close(summary);
        End();
    }

    /// <summary>A histogram value (HistogramProto in Value.histo), which readers of scalars must skip.</summary>
    public void WriteHistogram(string tag, long step, int buckets = 30, double wallTime = 1.7e9)
    {
        Begin(wallTime, step);
        int summary = Open(5);
        int item = Open(1);
        Bytes(1, Encoding.UTF8.GetBytes(tag));
        int histo = Open(5);
        Double(1, -1); // min
        Double(2, 1); // max
        Double(3, buckets); // num
        int limits = Open(6);
        for (int i = 0; i < buckets; i++)
        {
            Fixed64(BitConverter.DoubleToUInt64Bits(i / (double)buckets));
        }

        Close(limits);
        int counts = Open(7);
        for (int i = 0; i < buckets; i++)
        {
            Fixed64(BitConverter.DoubleToUInt64Bits(1));
        }

        Close(counts);
        Close(histo);
        Close(item);
        Close(summary);
        End();
    }

    /// <summary>A text summary (a string tensor under the "text" plugin), which is not a scalar.</summary>
    public void WriteText(string tag, long step, string text, double wallTime = 1.7e9)
    {
        Begin(wallTime, step);
        int summary = Open(5);
        int item = Open(1);
        Bytes(1, Encoding.UTF8.GetBytes(tag));
        int tensor = Open(8);
        Varint(1, 7); // DT_STRING
        Bytes(8, Encoding.UTF8.GetBytes(text)); // string_val
        Close(tensor);
        WritePluginMetadata("text"u8);
        Close(item);
        Close(summary);
        End();
    }

    /// <summary>What SummaryWriter(purge_step=s) writes when it opens a file: a SessionLog START at s.</summary>
    public void WriteSessionStart(long step, double wallTime = 1.7e9)
    {
        Begin(wallTime, step);
        int log = Open(7);
        Varint(1, 1); // START
        Close(log);
        End();
    }

    /// <summary>Frames arbitrary payload bytes as a record with correct checksums.</summary>
    public void WriteRecord(ReadOnlySpan<byte> payload)
    {
        Span<byte> header = stackalloc byte[12];
        BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)payload.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(header[8..], Crc32C.MaskedOf(header[..8]));
        _stream.Write(header);
        _stream.Write(payload);
        Span<byte> footer = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32C.MaskedOf(payload));
        _stream.Write(footer);
    }

    public void Dispose() => _stream.Dispose();

    private void WritePluginMetadata(ReadOnlySpan<byte> plugin)
    {
        int metadata = Open(9);
        int pluginData = Open(1);
        Bytes(1, plugin);
        Close(pluginData);
        Close(metadata);
    }

    private void Begin(double wallTime, long? step)
    {
        _length = 0;
        Double(1, wallTime);
        if (step is long s && s != 0)
        {
            Varint(2, (ulong)s);
        }
    }

    private void End() => WriteRecord(_event.AsSpan(0, _length));

    private void Double(int field, double value)
    {
        Key(field, 1);
        Fixed64(BitConverter.DoubleToUInt64Bits(value));
    }

    private void Varint(int field, ulong value)
    {
        Key(field, 0);
        RawVarint(value);
    }

    private void Bytes(int field, ReadOnlySpan<byte> bytes)
    {
        Key(field, 2);
        RawVarint((ulong)bytes.Length);
        Ensure(bytes.Length);
        bytes.CopyTo(_event.AsSpan(_length));
        _length += bytes.Length;
    }

    /// <summary>Starts a length-delimited field whose length is patched by <see cref="Close"/> (5 bytes reserved).</summary>
    private int Open(int field)
    {
        Key(field, 2);
        Ensure(5);
        _length += 5;
        return _length;
    }

    /// <summary>Writes the length as a padded 5-byte varint: valid protobuf, and no moving of bytes.</summary>
    private void Close(int start)
    {
        uint length = (uint)(_length - start);
        for (int i = 0; i < 5; i++)
        {
            byte b = (byte)((length >> (7 * i)) & 0x7F);
            _event[start - 5 + i] = i < 4 ? (byte)(b | 0x80) : b;
        }
    }

    private void Key(int field, int wire) => RawVarint((ulong)((field << 3) | wire));

    private void RawVarint(ulong value)
    {
        Ensure(10);
        while (value >= 0x80)
        {
            _event[_length++] = (byte)(value | 0x80);
            value >>= 7;
        }

        _event[_length++] = (byte)value;
    }

    private void Fixed32(uint value)
    {
        Ensure(4);
        BinaryPrimitives.WriteUInt32LittleEndian(_event.AsSpan(_length), value);
        _length += 4;
    }

    private void Fixed64(ulong value)
    {
        Ensure(8);
        BinaryPrimitives.WriteUInt64LittleEndian(_event.AsSpan(_length), value);
        _length += 8;
    }

    private void Ensure(int more)
    {
        if (_length + more > _event.Length)
        {
            Array.Resize(ref _event, Math.Max(_event.Length * 2, _length + more));
        }
    }
}
