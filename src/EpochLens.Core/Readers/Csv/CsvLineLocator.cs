namespace EpochLens.Readers.Csv;

/// <summary>
/// Where lines start, in bytes of the file's text (decompressed, as UTF-8), for the locations of problems: Sep
/// counts lines but reads characters, so the bytes are counted on a second pass over the text, only as far as the
/// last line with a problem. Lines break at CR LF, LF or CR, as Sep counts them.
/// </summary>
internal sealed class CsvLineLocator(Func<Stream> open) : IDisposable
{
    private readonly byte[] _buffer = new byte[1 << 16];
    private Stream? _text;
    private int _start;
    private int _end;
    private long _bufferOffset;
    private long _line = 1;
    private long _lineOffset;
    private long _previousOffset = -1;
    private bool _afterCr;
    private bool _failed;

    /// <summary>The byte at which <paramref name="line"/> starts, or null when the text cannot be read that far.</summary>
    public long? Offset(long line)
    {
        // A problem's line is often asked for again right after whether a line follows it.
        if (line == _line - 1 && _previousOffset >= 0)
        {
            return _previousOffset;
        }

        if (line < _line || _text is null)
        {
            Restart();
        }

        while (_line < line && !_failed)
        {
            if (_start == _end && !Fill())
            {
                return null;
            }

            var span = _buffer.AsSpan(_start, _end - _start);
            int at = span.IndexOfAny((byte)'\n', (byte)'\r');
            if (at < 0)
            {
                _start = _end;
                _afterCr = false;
                continue;
            }

            bool lf = span[at] == (byte)'\n';
            _start += at + 1;
            if (lf && _afterCr && at == 0)
            {
                // The LF of a CR LF whose CR already ended the line.
                _lineOffset = _bufferOffset + _start;
                _afterCr = false;
                continue;
            }

            _afterCr = !lf;
            _line++;
            _previousOffset = _lineOffset;
            _lineOffset = _bufferOffset + _start;
        }

        // A CR LF split by the buffer's end: the line starts after its LF.
        if (_afterCr && (_start < _end || Fill()) && _buffer[_start] == (byte)'\n')
        {
            _start++;
            _lineOffset++;
            _afterCr = false;
        }

        return _line == line ? _lineOffset : null;
    }

    /// <summary>Whether a line break ends <paramref name="line"/>: false for a last line cut off (or text that cannot be read past it).</summary>
    public bool IsTerminated(long line) => Offset(line + 1) is not null;

    public void Dispose() => _text?.Dispose();

    private void Restart()
    {
        _text?.Dispose();
        _failed = false;
        try
        {
            _text = open();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LogReadException)
        {
            _failed = true;
        }

        _start = _end = 0;
        _bufferOffset = 0;
        _line = 1;
        _lineOffset = 0;
        _previousOffset = -1;
        _afterCr = false;
    }

    private bool Fill()
    {
        try
        {
            _bufferOffset += _end;
            _start = 0;
            _end = _text!.Read(_buffer);
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            _end = 0;
        }

        _failed |= _end == 0;
        return _end > 0;
    }
}
