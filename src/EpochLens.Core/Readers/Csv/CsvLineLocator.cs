namespace EpochLens.Readers.Csv;

/// <summary>
/// Where lines start, in bytes of the file's (decompressed) text, for problems' locations: Sep counts lines but reads
/// characters, so a second pass counts bytes, as far as the last line with a problem, breaking lines as Sep does.
/// </summary>
internal sealed class CsvLineLocator(Func<Stream> open) : IDisposable
{
    private Stream? _text;
    private LineScanner? _lines;
    private bool _lastTerminated;

    /// <summary>The byte at which <paramref name="line"/> starts, or null when the text cannot be read that far.</summary>
    public long? Offset(long line)
    {
        if (Reach(line)) return _lines!.LineOffset;

        // The line after a last line break starts at the end of the text.
        return _lines is { Ended: true } && _lines.LineNumber == line - 1 && _lastTerminated
            ? _lines.BytesRead : null;
    }

    /// <summary>Whether a line break ends <paramref name="line"/>: false for a last line cut off.</summary>
    public bool IsTerminated(long line) => Reach(line) && _lastTerminated;

    public void Dispose() => _text?.Dispose();

    /// <summary>Reads on (or again from the start) to <paramref name="line"/>; false when the text ends before it.</summary>
    private bool Reach(long line)
    {
        if (_lines is null || line < _lines.LineNumber) Restart();
        while (_lines is not null && _lines.LineNumber < line && _lines.TryReadLine(out _))
            _lastTerminated = !_lines.Unterminated;

        return _lines?.LineNumber == line;
    }

    private void Restart()
    {
        _text?.Dispose();
        (_text, _lines, _lastTerminated) = (null, null, true);
        try
        {
            _text = open();
            _lines = new LineScanner(_text, carriageReturns: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or LogReadException)
        {
        }
    }
}
