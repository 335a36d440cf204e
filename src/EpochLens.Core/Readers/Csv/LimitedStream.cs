namespace EpochLens.Readers.Csv;

/// <summary>
/// Passes a decompressing stream through until a byte limit, then fails the read: a gzip bomb stops
/// at the limit, and the reader keeps the complete lines before it.
/// </summary>
internal sealed class LimitedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private long _total;

    public LimitedStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    /// <summary>The content went past the limit.</summary>
    public bool LimitReached { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _total;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_total >= _limit)
        {
            // One byte more than the limit tells a file of exactly the limit from a larger one.
            Span<byte> probe = stackalloc byte[1];
            if (_inner.Read(probe) == 0)
            {
                return 0;
            }

            LimitReached = true;
            throw new InvalidDataException($"the content expands past the limit of {_limit} bytes (ReadOptions.MaxDecompressedBytes)");
        }

        int allowed = (int)Math.Min(buffer.Length, _limit - _total);
        int read = _inner.Read(buffer[..allowed]);
        _total += read;
        return read;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
        }

        base.Dispose(disposing);
    }
}
