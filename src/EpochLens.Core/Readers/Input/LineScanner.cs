namespace EpochLens.Readers.Input;

/// <summary>
/// Splits a UTF-8 stream into lines without a string per line; a line longer than the cap is skipped without being
/// held, and a read error (damaged gzip data) ends the input.
/// </summary>
/// <param name="redraws">Also end a line at a terminal's redraws ('\r', '\b'), not counted as lines.</param>
/// <param name="budget">End the input once this is used up: the points of the lines after would all be dropped.</param>
/// <param name="carriageReturns">A lone '\r' also ends a line, counted as one (CSV lines as Sep counts them).</param>
internal sealed class LineScanner(Stream stream, int maxLineBytes = LineScanner.DefaultMaxLineBytes,
    bool redraws = false, PointBudget? budget = null, bool carriageReturns = false)
{
    public const int DefaultMaxLineBytes = 4 << 20;

    private byte[] _buffer = new byte[Math.Min(1 << 16, maxLineBytes + 1)];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _afterNewline = true;

    public int MaxLineBytes => maxLineBytes;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    public long LineOffset { get; private set; }

    /// <summary>The line last returned was longer than the cap: it came back empty.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The line last returned ended at the end of the input without a newline (a killed writer).</summary>
    public bool Unterminated { get; private set; }

    public string? ReadError { get; private set; }

    /// <summary>The input has ended (its end, a read error or the budget).</summary>
    public bool Ended { get; private set; }

    public long BytesRead => _bufferOffset + _end;

    public SourcePosition Position => new("line", LineNumber, LineOffset);

    /// <summary>The next line without its line ending (nor a UTF-8 byte order mark at the input's start).</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        TooLong = false;
        Unterminated = false;
        line = default;
        while (true)
        {
            int newline = IndexOfEnd(_buffer.AsSpan(_start, _end - _start));
            if (newline >= 0)
            {
                // "\r\n" is one line break: the byte after a '\r' that ends the buffer is read first.
                int end = _start + newline + 1;
                if (carriageReturns && end == _end && _buffer[end - 1] == (byte)'\r' && !Ended
                    && end - _start <= maxLineBytes)
                {
                    Fill();
                    continue;
                }

                line = Take(newline, newline + (AtCrLf(end) ? 2 : 1));
                return true;
            }

            if (Ended)
            {
                if (_end == _start) return false;
                Unterminated = true;
                line = Take(_end - _start, _end - _start);
                return true;
            }

            if (_end - _start > maxLineBytes)
            {
                SkipLongLine();
                return true;
            }

            Fill();
        }
    }

    private int IndexOfEnd(ReadOnlySpan<byte> text) =>
        redraws ? text.IndexOfAny((byte)'\n', (byte)'\r', (byte)'\b')
        : carriageReturns ? text.IndexOfAny((byte)'\n', (byte)'\r') : text.IndexOf((byte)'\n');

    private bool IsLineBreak(byte b) => b == (byte)'\n' || (carriageReturns && b == (byte)'\r');

    private bool AtCrLf(int end) =>
        carriageReturns && end < _end && _buffer[end - 1] == (byte)'\r' && _buffer[end] == (byte)'\n';

    private ReadOnlySpan<byte> Take(int length, int consumed)
    {
        LineNumber += _afterNewline ? 1 : 0;
        LineOffset = _bufferOffset + _start;
        _afterNewline = consumed > length && IsLineBreak(_buffer[_start + length]);
        var line = _buffer.AsSpan(_start, length);
        _start += consumed;
        if (line.Length > 0 && line[^1] == (byte)'\r') line = line[..^1];
        if (LineOffset == 0 && line.StartsWith("\uFEFF"u8)) line = line[3..];
        return line;
    }

    /// <summary>Drops the current line up to and including its newline, keeping memory at the cap.</summary>
    private void SkipLongLine()
    {
        LineNumber += _afterNewline ? 1 : 0;
        LineOffset = _bufferOffset + _start;
        TooLong = true;
        while (true)
        {
            int newline = IndexOfEnd(_buffer.AsSpan(_start, _end - _start));
            if (newline >= 0)
            {
                _afterNewline = IsLineBreak(_buffer[_start + newline]);
                _start += newline + 1;
                if (carriageReturns && _start == _end && _buffer[_start - 1] == (byte)'\r' && !Ended) Fill();
                if (AtCrLf(_start)) _start++;
                return;
            }

            _bufferOffset += _end;
            _start = _end = 0;
            if (Ended)
            {
                Unterminated = true;
                return;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
            _bufferOffset += _start;
            _end -= _start;
            _start = 0;
        }

        long grown = Math.Min(_buffer.Length * 2L, maxLineBytes + 1L + (1 << 16));
        if (_end == _buffer.Length) Array.Resize(ref _buffer, (int)grown);

        try
        {
            int read = budget?.Exhausted == true ? 0 : stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            Ended = read == 0;
        }
        catch (InvalidDataException e)
        {
            ReadError = $"compressed data is damaged ({e.Message}): reading stopped there";
            Ended = true;
        }
        catch (IOException e)
        {
            ReadError = $"read failed ({e.Message}): reading stopped there";
            Ended = true;
        }
    }
}
