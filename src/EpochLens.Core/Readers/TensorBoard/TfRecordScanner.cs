using System.Buffers.Binary;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Streams TFRecord frames (uint64 length, masked CRC-32C of the length, payload, masked CRC-32C of the
/// payload) out of a stream through one reusable buffer. The buffer only grows while it is full of bytes
/// actually read, so a huge declared length never allocates more than twice the data that exists.
/// </summary>
internal sealed class TfRecordScanner
{
    /// <summary>Longer records are skipped unread: no real event is this large (a GraphDef is at most 2 GiB, in practice MBs).</summary>
    public const int MaxRecordLength = 256 << 20;

    private const int HeaderLength = 12;
    private const int FooterLength = 4;
    private const int InitialBuffer = 64 << 10;

    /// <summary>Garbage longer than this without a valid header ends the read: the scan costs a checksum a byte.</summary>
    private const long MaxScanBytes = 64L << 20;

    private readonly Stream _stream;
    private readonly long _byteLimit;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _bytesRead;
    private bool _eof;
    private bool _limitHit;
    private int _payloadStart;
    private int _payloadLength;

    /// <param name="stream">The (possibly decompressing) stream to read.</param>
    /// <param name="byteLimit">The most bytes to take from the stream.</param>
    /// <param name="buffer">A buffer to reuse across files, or null.</param>
    /// <param name="startOffset">Where in the file the stream starts (a followed file read on from a record boundary).</param>
    /// <param name="recordsBefore">How many records precede that offset, so record indices count from the file's start.</param>
    public TfRecordScanner(Stream stream, long byteLimit, byte[]? buffer = null, long startOffset = 0, long recordsBefore = 0)
    {
        _stream = stream;
        _byteLimit = byteLimit;
        _buffer = buffer ?? new byte[InitialBuffer];
        _bufferOffset = startOffset;
        RecordIndex = recordsBefore - 1;
    }

    /// <summary>The buffer, possibly grown, for the next file to reuse.</summary>
    public byte[] Buffer => _buffer;

    /// <summary>The index of the record last returned or skipped (0-based).</summary>
    public long RecordIndex { get; private set; } = -1;

    /// <summary>The stream offset where the record last returned or skipped starts.</summary>
    public long RecordOffset { get; private set; }

    /// <summary>For <see cref="RecordStatus.Resynchronised"/>, <see cref="RecordStatus.FramingLost"/>, <see cref="RecordStatus.Oversized"/>,
    /// <see cref="RecordStatus.LengthPastEnd"/> and <see cref="RecordStatus.BadPayloadChecksum"/>: bytes skipped.</summary>
    public long SkippedBytes { get; private set; }

    /// <summary>For <see cref="RecordStatus.Oversized"/>, <see cref="RecordStatus.LengthPastEnd"/> and <see cref="RecordStatus.Truncated"/>: the declared payload length, or -1.</summary>
    public long DeclaredLength { get; private set; }

    /// <summary>The payload of the last <see cref="RecordStatus.Record"/>; valid until the next call.</summary>
    public ReadOnlySpan<byte> Payload => _buffer.AsSpan(_payloadStart, _payloadLength);

    /// <summary>Bytes taken from the stream so far.</summary>
    public long BytesRead => _bytesRead;

    public RecordStatus Next()
    {
        RecordOffset = _bufferOffset + _start;
        if (!Ensure(HeaderLength))
        {
            return Available == 0 ? EndStatus() : Truncated(-1);
        }

        RecordIndex++;
        if (!TryHeader(_start, out ulong length))
        {
            // A file that does not start with a frame is no event file: no scan through it (a gzip bomb of text).
            return RecordIndex == 0 ? RecordStatus.FramingLost : SkipToNextHeader(RecordStatus.Resynchronised, RecordStatus.FramingLost);
        }

        return ReadBody(length);
    }

    private int Available => _end - _start;

    private RecordStatus EndStatus() => _limitHit ? RecordStatus.LimitReached : RecordStatus.End;

    private RecordStatus Truncated(long declared)
    {
        DeclaredLength = declared;
        _start = _end;
        return _limitHit ? RecordStatus.LimitReached : RecordStatus.Truncated;
    }

    private RecordStatus ReadBody(ulong length)
    {
        DeclaredLength = (long)Math.Min(length, long.MaxValue);
        if (length > MaxRecordLength)
        {
            // No real event is this long: the length is damage (its checksum held by chance, or was forged).
            return SkipToNextHeader(RecordStatus.Oversized, RecordStatus.Truncated);
        }

        int total = HeaderLength + (int)length + FooterLength;
        if (!Ensure(total))
        {
            // A killed run ends like this; so does a damaged length in the middle, with good records after it.
            return SkipToNextHeader(RecordStatus.LengthPastEnd, RecordStatus.Truncated);
        }

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
            if (TryHeader(_start, out ulong length) && length <= MaxRecordLength)
            {
                return true;
            }

            _start++;
        }

        // At the scan limit the rest is given up as well: the next call must not scan on from here.
        _eof = true;
        _start = _end;
        return false;
    }

    private bool TryHeader(int at, out ulong length)
    {
        var header = _buffer.AsSpan(at, HeaderLength);
        length = BinaryPrimitives.ReadUInt64LittleEndian(header);
        return Crc32C.MaskedOf(header[..8]) == BinaryPrimitives.ReadUInt32LittleEndian(header[8..]);
    }

    /// <summary>Makes at least <paramref name="count"/> bytes available from the current position; false at the end.</summary>
    private bool Ensure(int count)
    {
        while (Available < count)
        {
            if (_eof)
            {
                return false;
            }

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
        long allowed = _byteLimit - _bytesRead;
        if (allowed <= 0)
        {
            // At the limit: it was only reached if the stream holds more.
            Span<byte> probe = stackalloc byte[1];
            _limitHit = _stream.Read(probe) > 0;
            _eof = true;
            return;
        }

        int room = (int)Math.Min(_buffer.Length - _end, allowed);
        int read = _stream.Read(_buffer, _end, room);
        if (read == 0)
        {
            _eof = true;
            return;
        }

        _end += read;
        _bytesRead += read;
    }
}
