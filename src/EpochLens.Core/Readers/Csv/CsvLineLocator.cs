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
    private bool _failed;

    /// <summary>The byte at which <paramref name="line"/> starts, or null when the text cannot be read that far.</summary>
    public long? Offset(long line)
    {
        // A problem's line is often asked for again right after whether a line follows it.
        if (line == _line - 1 && _previousOffset >= 0) return _previousOffset;
        if (line < _line || _text is null) Restart();

        while (_line < line)
        {
            if (!Fill()) return null;

            int at = _buffer.AsSpan(_start, _end - _start).IndexOfAny((byte)'\n', (byte)'\r');
            if (at < 0)
            {
                _start = _end;
                continue;
            }

            _start += at + 1;
            if (_buffer[_start - 1] == (byte)'\r' && Fill() && _buffer[_start] == (byte)'\n') _start++;

            _line++;
            _previousOffset = _lineOffset;
            _lineOffset = _bufferOffset + _start;
        }

        return _lineOffset;
    }

    /// <summary>Whether a line break ends <paramref name="line"/>: false for a last line cut off (or text that cannot be read past it).</summary>
    public bool IsTerminated(long line) => Offset(line + 1) is not null;

    public void Dispose() => _text?.Dispose();

    private void Restart()
    {
        _text?.Dispose();
        _text = null;
        _start = _end = 0;
        _bufferOffset = _lineOffset = 0;
        _line = 1;
        _previousOffset = -1;
        try
        {
            _text = open();
            _failed = false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LogReadException)
        {
            _failed = true;
        }
    }

    /// <summary>Whether bytes are left in the buffer, reading more when it is used up.</summary>
    private bool Fill()
    {
        if (_start < _end) return true;
        if (_failed) return false;

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

        _failed = _end == 0;
        return !_failed;
    }
}
