namespace EpochLens.Readers.JsonLines;

/// <summary>A read-only stream that passes JSON through <see cref="BareLiteralQuoter"/>, for whole-file readers.</summary>
internal sealed class QuotingStream : Stream
{
    private readonly Stream _inner;
    private readonly byte[] _in = new byte[1 << 16];
    private readonly byte[] _out = new byte[BareLiteralQuoter.MaxOutput(1 << 16)];
    private BareLiteralQuoter _quoter;
    private int _outStart;
    private int _outEnd;
    private bool _finished;

    public QuotingStream(Stream inner) => _inner = inner;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_outStart == _outEnd)
        {
            if (_finished)
            {
                return 0;
            }

            int read = _inner.Read(_in);
            _outStart = 0;
            if (read == 0)
            {
                _outEnd = _quoter.Finish(_out);
                _finished = true;
            }
            else
            {
                _outEnd = _quoter.Rewrite(_in.AsSpan(0, read), _out);
            }
        }

        int n = Math.Min(buffer.Length, _outEnd - _outStart);
        _out.AsSpan(_outStart, n).CopyTo(buffer);
        _outStart += n;
        return n;
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
