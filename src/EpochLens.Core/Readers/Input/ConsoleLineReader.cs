using System.Buffers;
using System.Text;
using System.Text.Unicode;
using EpochLens.Logs;

namespace EpochLens.Readers.Input;

/// <summary>
/// Streams a printed log (console output) as text segments for the text, Keras and OpenMMLab readers: the lines of
/// a <see cref="LineScanner"/> split also at the redraws a terminal drew over each other, with ANSI escape codes
/// removed, decoded from UTF-8, and lines of binary data skipped. Damage is reported with its line and byte.
/// </summary>
internal sealed class ConsoleLineReader : IDisposable
{
    /// <summary>Longer segments cannot be a progress or log line; they are skipped and reported.</summary>
    public const int MaxSegmentBytes = 1 << 16;

    private const byte Escape = 0x1b;

    // Every control character but the tab: in a text line they mean binary data. A vectorised search, as every line is checked.
    private static readonly SearchValues<char> ControlCharacters =
        SearchValues.Create("\0\u0001\u0002\u0003\u0004\u0005\u0006\u0007\b\n\u000b\u000c\r\u000e\u000f\u0010\u0011\u0012\u0013\u0014\u0015\u0016\u0017\u0018\u0019\u001a\u001b\u001c\u001d\u001e\u001f");

    private readonly Stream _stream;
    private readonly LineScanner _lines;
    private readonly ProblemReporter _problems;
    private readonly SizeLimitedStream? _bounded;
    private readonly char[] _chars;
    private byte[]? _stripped;
    private bool _endReported;

    public ConsoleLineReader(string path, ReadOptions options, ProblemReporter problems)
    {
        _problems = problems;
        _stream = LogFile.Open(path, options, out _bounded);
        _lines = new LineScanner(_stream, MaxSegmentBytes, redraws: true, PointBudget.Current);
        _chars = new char[MaxSegmentBytes];
    }

    /// <summary>Reads text already in memory (a file's head, for format detection); nothing to decompress.</summary>
    private ConsoleLineReader(ReadOnlySpan<byte> text, ProblemReporter problems)
    {
        _problems = problems;
        _stream = new MemoryStream(text.ToArray(), writable: false);

        // Sized to the text: detection reads thousands of 4 KiB windows, each with a reader of its own.
        _lines = new LineScanner(_stream, Math.Min(MaxSegmentBytes, text.Length), redraws: true);
        _chars = new char[Math.Min(MaxSegmentBytes, text.Length + 1)];
    }

    /// <summary>The physical line (1-based) the current segment is on.</summary>
    public long Line => _lines.LineNumber;

    /// <summary>Byte offset of the current segment in the (decompressed) text.</summary>
    public long ByteOffset => _lines.LineOffset;

    public string Location => $"line {Line}, byte {ByteOffset}";

    /// <summary>
    /// Reads each file of <paramref name="source"/> with <paramref name="read"/>, given the log's name (the source's, or
    /// the file's when the source has several), the file, its problem reporter and its segments.
    /// </summary>
    public static List<TrainingLog> ReadEach(LogSource source, ReadOptions options, IProblemSink problems,
        Func<string, string, ProblemReporter, ConsoleLineReader, IEnumerable<TrainingLog>> read)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var logs = new List<TrainingLog>();
        foreach (var file in source.Files)
        {
            var reporter = new ProblemReporter(file, problems, options.Strict);
            using var lines = new ConsoleLineReader(file, options, reporter);
            logs.AddRange(read(source.Files.Count == 1 ? source.Name : file, file, reporter, lines));
        }

        return logs;
    }

    /// <summary>
    /// The head's segments, for format recognition: read as the readers read the file, so detection sees the lines
    /// they will. Their problems are the reader's to report.
    /// </summary>
    public static List<string> Segments(ReadOnlySpan<byte> head)
    {
        var segments = new List<string>();
        using var lines = new ConsoleLineReader(head, new ProblemReporter("", IgnoredProblems.Instance, strict: false));
        while (lines.TryRead(out var segment))
        {
            segments.Add(segment.ToString());
        }

        return segments;
    }

    /// <summary>The next non-empty segment, or false at the end of the file (or where reading had to stop).</summary>
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

            if (!more)
            {
                text = default;
                return false;
            }

            if (Decode(bytes, out text))
            {
                return true;
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private void ReportEnd()
    {
        if (_lines.ReadError is { } error)
        {
            _problems.Report($"byte {_lines.BytesRead}", ProblemKind.Truncated, error);
        }

        if (_bounded?.LimitReached == true)
        {
            _problems.Report($"byte {_bounded.Limit}", ProblemKind.LimitReached, _bounded.LimitMessage);
        }
    }

    private bool Decode(ReadOnlySpan<byte> bytes, out ReadOnlySpan<char> text)
    {
        text = default;
        if (_lines.TooLong || bytes.Length > MaxSegmentBytes)
        {
            _problems.Report(Location, ProblemKind.Malformed, $"line longer than {MaxSegmentBytes} bytes: skipped");
            return false;
        }

        if (bytes.IndexOf(Escape) >= 0)
        {
            bytes = StripEscapes(bytes);
        }

        if (bytes.IsEmpty)
        {
            return false;
        }

        if (!Utf8.IsValid(bytes))
        {
            _problems.Report(Location, ProblemKind.Encoding, "bytes that are not UTF-8: read with replacement characters");
        }

        int count = Encoding.UTF8.GetChars(bytes, _chars);
        var chars = _chars.AsSpan(0, count);
        if (chars.ContainsAny(ControlCharacters))
        {
            _problems.Report(Location, ProblemKind.Malformed, "binary data (control characters): skipped");
            return false;
        }

        text = chars;
        return true;
    }

    /// <summary>The segment without its ANSI escape sequences (colours, cursor moves).</summary>
    private ReadOnlySpan<byte> StripEscapes(ReadOnlySpan<byte> bytes)
    {
        _stripped ??= new byte[_chars.Length];
        int write = 0;
        for (int read = 0; read < bytes.Length; read++)
        {
            if (bytes[read] != Escape)
            {
                _stripped[write++] = bytes[read];
                continue;
            }

            if (read + 1 < bytes.Length && bytes[read + 1] == '[')
            {
                // CSI: parameters and intermediates up to one final byte in 0x40-0x7e.
                read += 2;
                while (read < bytes.Length && (bytes[read] < 0x40 || bytes[read] > 0x7e))
                {
                    read++;
                }
            }
            else
            {
                read++;
            }
        }

        return _stripped.AsSpan(0, write);
    }
}
