using System.Text.Unicode;

namespace EpochLens.Readers.Input;

/// <summary>
/// Streams a printed log as text segments: its lines split also at terminal redraws, without ANSI escape codes, lines
/// of binary data skipped, damage reported with its line and byte.
/// </summary>
internal sealed class ConsoleLineReader : IDisposable
{
    /// <summary>Longer segments cannot be a progress or log line; they are skipped and reported.</summary>
    private const int MaxSegmentBytes = 1 << 16;

    private const byte Escape = 0x1b;

    // Every control character but the tab: in a text line they mean binary data. Vectorised, as every line is checked.
    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create([.. Enumerable.Range(0, 32).Where(c => c != '\t').Select(c => (char)c)]);

    private readonly Stream _stream;
    private readonly LineScanner _lines;
    private readonly ProblemReporter _problems;
    private readonly SizeLimitedStream? _bounded;
    private readonly char[] _chars;
    private byte[]? _stripped;
    private bool _endReported;

    public ConsoleLineReader(string path, ReadOptions options, ProblemReporter problems)
        : this(LogFile.Open(path, options, out var bounded), bounded, MaxSegmentBytes, PointBudget.Current, problems)
    {
    }

    private ConsoleLineReader(Stream stream, SizeLimitedStream? bounded, int maxBytes, PointBudget? budget,
        ProblemReporter problems)
    {
        (_stream, _bounded, _problems) = (stream, bounded, problems);
        _lines = new LineScanner(stream, maxBytes, redraws: true, budget);
        _chars = new char[Math.Min(MaxSegmentBytes, maxBytes + 1)];
    }

    public long Line => _lines.LineNumber;

    /// <summary>Where the current segment is, for a problem.</summary>
    public string Location => $"line {Line}, byte {_lines.LineOffset}";

    /// <summary>The head's segments for format recognition.</summary>
    public static List<string> Segments(ReadOnlySpan<byte> head)
    {
        // Sized to the text: detection reads thousands of 4 KiB windows, each with a reader of its own.
        var text = new MemoryStream(head.ToArray(), writable: false);
        var ignored = new ProblemReporter("", IgnoredProblems.Instance, strict: false);
        using var lines = new ConsoleLineReader(text, null, Math.Min(MaxSegmentBytes, head.Length), null, ignored);
        var segments = new List<string>();
        while (lines.TryRead(out var segment)) segments.Add(segment.ToString());
        return segments;
    }

    /// <summary>The next non-empty segment; false at the end (or where reading had to stop).</summary>
    public bool TryRead(out ReadOnlySpan<char> text)
    {
        while (true)
        {
            bool more = _lines.TryReadLine(out var bytes);
            if (_lines.Ended && !_endReported)
            {
                // Said before the last segment's own problems, where the input stopped.
                _endReported = true;
                ReportEnd();
            }

            text = default;
            if (!more) return false;
            if (Decode(bytes, out text)) return true;
        }
    }

    public void Dispose() => _stream.Dispose();

    private void ReportEnd()
    {
        if (_lines.ReadError is { } error) _problems.Report($"byte {_lines.BytesRead}", ProblemKind.Truncated, error);
        if (_bounded is not { LimitReached: true } bounded) return;
        _problems.Report($"byte {bounded.Limit}", ProblemKind.LimitReached, bounded.LimitMessage);
    }

    private bool Decode(ReadOnlySpan<byte> bytes, out ReadOnlySpan<char> text)
    {
        text = default;
        if (_lines.TooLong || bytes.Length > MaxSegmentBytes)
        {
            _problems.Report(Location, ProblemKind.Malformed, $"line longer than {MaxSegmentBytes} bytes: skipped");
            return false;
        }

        if (bytes.Contains(Escape)) bytes = StripEscapes(bytes);
        if (bytes.IsEmpty) return false;
        const string NotUtf8 = "bytes that are not UTF-8: read with replacement characters";
        if (!Utf8.IsValid(bytes)) _problems.Report(Location, ProblemKind.Encoding, NotUtf8);

        var chars = _chars.AsSpan(0, Encoding.UTF8.GetChars(bytes, _chars));
        if (chars.ContainsAny(ControlCharacters))
        {
            _problems.Report(Location, ProblemKind.Malformed, "binary data (control characters): skipped");
            return false;
        }

        text = chars;
        return true;
    }

    private ReadOnlySpan<byte> StripEscapes(ReadOnlySpan<byte> bytes)
    {
        _stripped ??= new byte[_chars.Length];
        int write = 0;
        for (int read = 0; read < bytes.Length; read++)
        {
            if (bytes[read] != Escape) _stripped[write++] = bytes[read];
            else if (read + 1 >= bytes.Length || bytes[read + 1] != '[') read++;
            else
            {
                // CSI: parameters and intermediates up to one final byte in 0x40-0x7e.
                read += 2;
                while (read < bytes.Length && (bytes[read] < 0x40 || bytes[read] > 0x7e)) read++;
            }
        }

        return _stripped.AsSpan(0, write);
    }
}
