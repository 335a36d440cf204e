using EpochLens.Readers.Input;

namespace EpochLens.Readers.Json;

/// <summary>A read-only stream that passes JSON through <see cref="BareLiteralQuoter"/>, for whole-file readers.</summary>
internal sealed class QuotingStream(Stream inner) : ReadOnlyStream(inner)
{
    private readonly byte[] _in = new byte[1 << 16];
    private readonly byte[] _out = new byte[BareLiteralQuoter.MaxOutput(1 << 16)];
    private BareLiteralQuoter _quoter;
    private int _outStart;
    private int _outEnd;
    private bool _finished;

    public override int Read(Span<byte> buffer)
    {
        while (_outStart == _outEnd)
        {
            if (_finished)
            {
                return 0;
            }

            int read = Inner.Read(_in);
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
}
