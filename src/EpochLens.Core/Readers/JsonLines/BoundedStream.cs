namespace EpochLens.Readers.JsonLines;

/// <summary>
/// Ends a (decompressing) stream after a number of bytes, so a gzip bomb costs bounded time; the reader
/// asks <see cref="LimitReached"/> to tell that end from the real one.
/// </summary>
internal sealed class BoundedStream : Stream
{
    private readonly Stream _inner;
    private readonly long _limit;
    private long _position;

    public BoundedStream(Stream inner, long limit)
    {
        _inner = inner;
        _limit = limit;
    }

    public bool LimitReached { get; private set; }

    public long Limit => _limit;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        long left = _limit - _position;
        if (left <= 0)
        {
            LimitReached = buffer.Length > 0 && _inner.Read(buffer[..1]) > 0;
            return 0;
        }

        int read = _inner.Read(buffer.Length > left ? buffer[..(int)left] : buffer);
        _position += read;
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
