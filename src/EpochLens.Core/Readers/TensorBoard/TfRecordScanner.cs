using static EpochLens.Readers.TensorBoard.RecordStatus;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Streams TFRecord frames (uint64 length, its masked CRC-32C, payload, its masked CRC-32C) through one reusable
/// buffer, grown only while full of bytes read: a huge declared length never allocates past twice the data there is.
/// </summary>
/// <param name="stream">A gzip file's is a <see cref="SizeLimitedStream"/>, whose limit ends the read.</param>
/// <param name="startOffset">Where in the file the stream starts (a followed file, read on from a record).</param>
/// <param name="recordsBefore">The records before that offset: indices count from the file's start.</param>
internal sealed class TfRecordScanner(Stream stream, byte[]? buffer = null, long startOffset = 0, long recordsBefore = 0)
{
    /// <summary>Longer records are skipped unread: no real event is this large (a GraphDef is MBs).</summary>
    public const int MaxRecordLength = 256 << 20;

    private const int HeaderLength = 12;
    private const int FooterLength = 4;
    private const int InitialBuffer = 64 << 10;

    /// <summary>Garbage past this without a valid header ends the read: the scan costs a checksum a byte.</summary>
    private const long MaxScanBytes = 64L << 20;

    private byte[] _buffer = buffer ?? new byte[InitialBuffer];
    private int _start;
    private int _end;
    private long _bufferOffset = startOffset;
    private bool _eof;
    private int _payloadStart;
    private int _payloadLength;

    public SizeLimitedStream? Bounded => stream as SizeLimitedStream;

    /// <summary>The buffer, maybe grown, for the next file.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The record last returned or skipped: its index (0-based) and offset.</summary>
    public long RecordIndex { get; private set; } = recordsBefore - 1;

    public long RecordOffset { get; private set; }

    /// <summary>After damage: the bytes skipped.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>The last record's declared payload length, or -1 when the stream ended inside its header.</summary>
    public long DeclaredLength { get; private set; }

    /// <summary>The payload of the last <see cref="Record"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_payloadStart, _payloadLength);

    public long BytesRead { get; private set; }

    private int Available => _end - _start;

    public RecordStatus Next()
    {
        RecordOffset = _bufferOffset + _start;
        DeclaredLength = -1;
        if (!Ensure(HeaderLength)) return Available == 0 ? Ended(End) : Ended(Truncated);

        // A file that does not start with a frame is no event file: no scan through it (a gzip bomb of text).
        RecordIndex++;
        bool framed = TryHeader(out ulong length);
        if (!framed) return RecordIndex == 0 ? FramingLost : SkipToNextHeader(Resynchronised, FramingLost);

        // No real event is this long: the length is damage (its checksum held by chance, or was forged).
        DeclaredLength = (long)Math.Min(length, long.MaxValue);
        if (length > MaxRecordLength) return SkipToNextHeader(Oversized, Truncated);

        // A killed run ends like this; so does a damaged length in the middle, with good records after it.
        int total = HeaderLength + (int)length + FooterLength;
        if (!Ensure(total)) return SkipToNextHeader(LengthPastEnd, Truncated);

        (_payloadStart, _payloadLength) = (_start + HeaderLength, (int)length);
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_payloadStart + _payloadLength));
        if (Crc32C.MaskedOf(Payload) == expected)
        {
            _start += total;
            return Record;
        }

        // Looked for from here, not past the declared length: a wrong length could take good records with it.
        SkipToNextHeader(BadPayloadChecksum, BadPayloadChecksum);
        return BadPayloadChecksum;
    }

    /// <summary>The end of the stream, or of its bytes under the limit: the rest, if any, is dropped.</summary>
    private RecordStatus Ended(RecordStatus status)
    {
        _start = _end;
        return Bounded?.LimitReached == true ? LimitReached : status;
    }

    /// <summary>Scans from byte 2 for a valid header (a false match, odds 2^-32, fails its payload checksum).</summary>
    private RecordStatus SkipToNextHeader(RecordStatus found, RecordStatus notFound)
    {
        long from = _bufferOffset + _start;
        bool next = false;
        for (_start++; _bufferOffset + _start < from + MaxScanBytes && Ensure(HeaderLength); _start++)
        {
            next = TryHeader(out ulong length) && length <= MaxRecordLength;
            if (next) break;
        }

        // At the scan limit the rest is given up as well: the next call must not scan on from here.
        _eof |= !next;
        var status = next ? found : Ended(notFound);
        SkippedBytes = _bufferOffset + _start - from;
        return status;
    }

    private bool TryHeader(out ulong length)
    {
        var header = _buffer.AsSpan(_start, HeaderLength);
        length = BinaryPrimitives.ReadUInt64LittleEndian(header);
        return Crc32C.MaskedOf(header[..8]) == BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
    }

    /// <summary>At least <paramref name="count"/> bytes available from the position; false at the end.</summary>
    private bool Ensure(int count)
    {
        while (Available < count)
        {
            if (_eof) return false;
            if (_start > 0)
            {
                System.Buffer.BlockCopy(_buffer, _start, _buffer, 0, Available);
                _bufferOffset += _start;
                _end -= _start;
                _start = 0;
            }

            if (_end == _buffer.Length)
            {
                // Full of real bytes and still short: grow, at most doubling, never beyond what is asked.
                long grown = Math.Min(Math.Max((long)_buffer.Length * 2, InitialBuffer), count);
                Array.Resize(ref _buffer, (int)Math.Max(grown, _buffer.Length + 1));
            }

            int read = stream.Read(_buffer, _end, _buffer.Length - _end);
            _eof = read == 0;
            _end += read;
            BytesRead += read;
        }

        return true;
    }
}
