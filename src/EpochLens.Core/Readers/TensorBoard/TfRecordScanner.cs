using System.Buffers.Binary;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Streams TFRecord frames (uint64 length, masked CRC-32C of the length, payload, masked CRC-32C of the
/// payload) out of a stream through one reusable buffer. The buffer only grows while it is full of bytes
/// actually read, so a huge declared length never allocates more than twice the data that exists.
/// </summary>
internal sealed class TfRecordScanner
{
    /// <summary>Longer records are skipped unread: no real event is this large (a GraphDef is MBs in practice).</summary>
    public const int MaxRecordLength = 256 << 20;

    private const int HeaderLength = 12;
    private const int FooterLength = 4;
    private const int InitialBuffer = 64 << 10;

    /// <summary>Garbage longer than this without a valid header ends the read: the scan costs a checksum a byte.</summary>
    private const long MaxScanBytes = 64L << 20;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _limitHit;
    private int _payloadStart;
    private int _payloadLength;

    /// <param name="stream">The (possibly decompressing) stream to read.</param>
    /// <param name="byteLimit">The most bytes to take from the stream.</param>
    /// <param name="buffer">A buffer to reuse across files, or null.</param>
    /// <param name="startOffset">Where in the file the stream starts (a followed file, read on from a record).</param>
    /// <param name="recordsBefore">The records before that offset, so record indices count from the file's start.</param>
    public TfRecordScanner(Stream stream, long byteLimit, byte[]? buffer = null, long startOffset = 0, long recordsBefore = 0)
    {
        _stream = stream;
        ByteLimit = byteLimit;
        _buffer = buffer ?? new byte[InitialBuffer];
        _bufferOffset = startOffset;
        RecordIndex = recordsBefore - 1;
    }

    /// <summary>The most bytes to take from the stream.</summary>
    public long ByteLimit { get; }

    /// <summary>The buffer, possibly grown, for the next file to reuse.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The index of the record last returned or skipped (0-based).</summary>
    public long RecordIndex { get; private set; }

    /// <summary>The stream offset where the record last returned or skipped starts.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>After damage: the bytes skipped.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>The last record's declared payload length, or -1 when the stream ended inside its header.</summary>
    public long DeclaredLength { get; private set; }

    /// <summary>The payload of the last <see cref="RecordStatus.Record"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_payloadStart, _payloadLength);

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead { get; private set; }

    public RecordStatus Next()
    {
        RecordOffset = _bufferOffset + _start;
        if (!Ensure(HeaderLength))
        {
            // The end, or one inside a header.
            DeclaredLength = -1;
            bool cut = Available > 0;
            _start = _end;
            return _limitHit ? RecordStatus.LimitReached : cut ? RecordStatus.Truncated : RecordStatus.End;
        }

        RecordIndex++;
        // A file that does not start with a frame is no event file: no scan through it (a gzip bomb of text).
        if (TryHeader(out ulong length)) return ReadBody(length);
        return RecordIndex == 0 ? RecordStatus.FramingLost : SkipToNextHeader(RecordStatus.Resynchronised, RecordStatus.FramingLost);
    }

    private int Available => _end - _start;

    private RecordStatus ReadBody(ulong length)
    {
        DeclaredLength = (long)Math.Min(length, long.MaxValue);
        // No real event is this long: the length is damage (its checksum held by chance, or was forged).
        if (length > MaxRecordLength) return SkipToNextHeader(RecordStatus.Oversized, RecordStatus.Truncated);

        // A killed run ends like this; so does a damaged length in the middle, with good records after it.
        int total = HeaderLength + (int)length + FooterLength;
        if (!Ensure(total)) return SkipToNextHeader(RecordStatus.LengthPastEnd, RecordStatus.Truncated);

        var payload = _buffer.AsSpan(_start + HeaderLength, (int)length);
        uint expected = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_start + HeaderLength + (int)length));
        _payloadStart = _start + HeaderLength;
        _payloadLength = (int)length;
        if (Crc32C.MaskedOf(payload) == expected)
        {
            _start += total;
            return RecordStatus.Record;
        }

        // The next record is looked for from here rather than after the declared length: a wrong length whose
        // checksum holds would otherwise take good records with it.
        SkipToNextHeader(RecordStatus.BadPayloadChecksum, RecordStatus.BadPayloadChecksum);
        return RecordStatus.BadPayloadChecksum;
    }

    /// <summary>
    /// Passes over a record whose length cannot be trusted: scans from its second byte for the next valid header, a
    /// byte at a time. A false match has odds of 2^-32 per position, and its payload checksum then fails, so this stays
    /// linear and safe. Returns <paramref name="found"/> when there is one (reading goes on there), else
    /// <paramref name="notFound"/> (or <see cref="RecordStatus.LimitReached"/>): the end reached inside the damage.
    /// </summary>
    private RecordStatus SkipToNextHeader(RecordStatus found, RecordStatus notFound)
    {
        long from = _bufferOffset + _start;
        _start++;
        bool next = SeekHeader();
        SkippedBytes = _bufferOffset + _start - from;
        return next ? found : _limitHit ? RecordStatus.LimitReached : notFound;
    }

    /// <summary>
    /// Moves to the next position whose length checksum holds for a plausible length; false at the end, or after
    /// <see cref="MaxScanBytes"/> without one.
    /// </summary>
    private bool SeekHeader()
    {
        long limit = _bufferOffset + _start + MaxScanBytes;
        while (_bufferOffset + _start < limit && Ensure(HeaderLength))
        {
            if (TryHeader(out ulong length) && length <= MaxRecordLength) return true;
            _start++;
        }

        // At the scan limit the rest is given up as well: the next call must not scan on from here.
        _eof = true;
        _start = _end;
        return false;
    }

    private bool TryHeader(out ulong length)
    {
        var header = _buffer.AsSpan(_start, HeaderLength);
        length = BinaryPrimitives.ReadUInt64LittleEndian(header);
        return Crc32C.MaskedOf(header[..8]) == BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from the current position; false at the end.</summary>
    private bool Ensure(int count)
    {
        while (Available < count)
        {
            if (_eof) return false;
            if (_start > 0)
            {
                // Compact: keep only the unread bytes at the front.
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

            Fill();
        }

        return true;
    }

    private void Fill()
    {
        // At the limit, it was only reached if the stream holds more.
        long allowed = ByteLimit - BytesRead;
        int read = allowed <= 0 ? 0 : _stream.Read(_buffer, _end, (int)Math.Min(_buffer.Length - _end, allowed));
        _limitHit = allowed <= 0 && _stream.ReadByte() >= 0;
        _eof = read == 0;
        _end += read;
        BytesRead += read;
    }
}
