using EpochLens.Logs;

namespace EpochLens.Readers.Input;

/// <summary>
/// Splits a stream into lines without a string per line. A line longer than the cap is skipped without being held
/// (a 100 MB line costs one buffer). A read error (damaged gzip data) ends the input and is kept in
/// <see cref="ReadError"/>. For console output it can also split at the carriage returns and backspaces with which a
/// terminal drew updates over each other (progress bars).
/// </summary>
/// <param name="stream">The text, UTF-8.</param>
/// <param name="maxLineBytes">Longer lines are skipped (<see cref="TooLong"/>).</param>
/// <param name="redraws">Also end a line at '\r' and '\b' (<see cref="LineNumber"/> still counts newlines).</param>
/// <param name="budget">End the input once this is used up: the points of the lines after would all be dropped.</param>
internal sealed class LineScanner(Stream stream, int maxLineBytes = LineScanner.DefaultMaxLineBytes,
    bool redraws = false, PointBudget? budget = null)
{
    public const int DefaultMaxLineBytes = 4 << 20;

    private byte[] _buffer = new byte[Math.Min(1 << 16, maxLineBytes + 1)];
    private int _start;
    private int _end;
    private long _bufferOffset;
    private bool _eof;
    private bool _afterNewline = true;

    public int MaxLineBytes => maxLineBytes;

    /// <summary>1-based number of the line last returned (the physical line, counting newlines only).</summary>
    public long LineNumber { get; private set; }

    /// <summary>Byte offset of the start of the line last returned.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The line last returned was longer than the cap; it came back empty.</summary>
    public bool TooLong { get; private set; }

    /// <summary>The line last returned ended at the end of the input without a newline (a killed writer).</summary>
    public bool Unterminated { get; private set; }

    /// <summary>Why the input ended early, when a read failed.</summary>
    public string? ReadError { get; private set; }

    /// <summary>The input has ended (its end, a read error or the budget): no more is read.</summary>
    public bool Ended => _eof;

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
                line = Take(newline, newline + 1);
                return true;
            }

            if (_eof)
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
        redraws ? text.IndexOfAny((byte)'\n', (byte)'\r', (byte)'\b') : text.IndexOf((byte)'\n');

    private ReadOnlySpan<byte> Take(int length, int consumed)
    {
        LineNumber += _afterNewline ? 1 : 0;
        LineOffset = _bufferOffset + _start;
        _afterNewline = consumed > length && _buffer[_start + length] == (byte)'\n';
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
                _afterNewline = _buffer[_start + newline] == (byte)'\n';
                _start += newline + 1;
                return;
            }

            _bufferOffset += _end;
            _start = _end = 0;
            if (_eof)
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

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, maxLineBytes + 1L + (1 << 16)));
        }

        try
        {
            int read = budget?.Exhausted == true ? 0 : stream.Read(_buffer, _end, _buffer.Length - _end);
            _end += read;
            _eof = read == 0;
        }
        catch (InvalidDataException e)
        {
            ReadError = $"compressed data is damaged ({e.Message}): reading stopped there";
            _eof = true;
        }
        catch (IOException e)
        {
            ReadError = $"read failed ({e.Message}): reading stopped there";
            _eof = true;
        }
    }
}
