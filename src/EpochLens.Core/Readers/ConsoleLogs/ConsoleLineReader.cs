using System.Buffers;
using System.Text;
using System.Text.Unicode;
using EpochLens.Logs;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// Streams a console log as text segments: lines, and the updates inside a line that a terminal drew
/// over each other (separated by carriage returns or backspaces). ANSI escape codes are removed,
/// segments are bounded in length, and gzip files are decompressed up to the configured limit.
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
    private readonly ProblemReporter _problems;
    private readonly SizeLimitedStream? _bounded;
    private readonly byte[] _buffer;
    private readonly byte[] _segment;
    private readonly char[] _chars;
    private int _position;
    private int _length;
    private long _bufferOffset;
    private long _line = 1;
    private int _segmentLength;
    private bool _overlong;
    private bool _segmentStarted;
    private bool _ended;
    private PointBudget? _budget;

    public ConsoleLineReader(string path, ReadOptions options, ProblemReporter problems)
    {
        _problems = problems;
        _budget = PointBudget.Current;
        (_buffer, _segment, _chars) = (new byte[1 << 16], new byte[MaxSegmentBytes], new char[MaxSegmentBytes]);
        _stream = LogFile.Open(path, options, out _bounded);
    }

    /// <summary>Reads text already in memory (a file's head, for format detection); nothing to decompress.</summary>
    public ConsoleLineReader(ReadOnlySpan<byte> text, ProblemReporter problems)
    {
        _problems = problems;
        _stream = new MemoryStream(text.ToArray(), writable: false);

        // Sized to the text: detection reads thousands of 4 KiB windows, each with a reader of its own.
        int size = Math.Min(MaxSegmentBytes, text.Length + 1);
        (_buffer, _segment, _chars) = (new byte[size], new byte[size], new char[size]);
    }

    /// <summary>The physical line (1-based) the current segment is on.</summary>
    public long Line { get; private set; }

    /// <summary>Byte offset of the current segment in the (decompressed) text.</summary>
    public long ByteOffset { get; private set; }

    public string Location => $"line {Line}, byte {ByteOffset}";

    /// <summary>The next non-empty segment, or false at the end of the file (or where reading had to stop).</summary>
    public bool TryRead(out ReadOnlySpan<char> text)
    {
        while (true)
        {
            if (_position == _length && !Fill())
            {
                // The last segment, when the file does not end with a separator.
                bool last = Complete(out text);
                _segmentStarted = false;
                _segmentLength = 0;
                _overlong = false;
                return last;
            }

            if (!_segmentStarted)
            {
                _segmentStarted = true;
                Line = _line;
                ByteOffset = _bufferOffset + _position;
            }

            var rest = _buffer.AsSpan(_position, _length - _position);
            int end = rest.IndexOfAny((byte)'\n', (byte)'\r', (byte)'\b');
            var piece = end < 0 ? rest : rest[..end];
            Append(piece);
            if (end < 0)
            {
                _position = _length;
                continue;
            }

            _position += end + 1;
            if (rest[end] == '\n')
            {
                _line++;
            }

            bool found = Complete(out text);
            _segmentStarted = false;
            _segmentLength = 0;
            _overlong = false;
            if (found)
            {
                return true;
            }
        }
    }

    public void Dispose() => _stream.Dispose();

    private void Append(ReadOnlySpan<byte> piece)
    {
        if (_overlong)
        {
            return;
        }

        if (_segmentLength + piece.Length > MaxSegmentBytes)
        {
            _overlong = true;
            return;
        }

        piece.CopyTo(_segment.AsSpan(_segmentLength));
        _segmentLength += piece.Length;
    }

    private bool Complete(out ReadOnlySpan<char> text)
    {
        text = default;
        if (_overlong)
        {
            _problems.Report(Location, ProblemKind.Malformed, $"line longer than {MaxSegmentBytes} bytes: skipped");
            return false;
        }

        int length = StripEscapes(_segment.AsSpan(0, _segmentLength));
        if (length == 0)
        {
            return false;
        }

        var bytes = _segment.AsSpan(0, length);
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

    /// <summary>Removes ANSI escape sequences (colours, cursor moves) in place; returns the new length.</summary>
    private static int StripEscapes(Span<byte> bytes)
    {
        if (bytes.IndexOf(Escape) < 0)
        {
            return bytes.Length;
        }

        int write = 0;
        for (int read = 0; read < bytes.Length; read++)
        {
            if (bytes[read] != Escape)
            {
                bytes[write++] = bytes[read];
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

        return write;
    }

    private bool Fill()
    {
        if (_ended)
        {
            return false;
        }

        _bufferOffset += _length;
        _position = 0;
        _length = 0;
        if (_budget?.Exhausted == true)
        {
            // Every point after this would be dropped: reading on (a bomb of valid lines) would only cost time.
            _ended = true;
            return false;
        }

        try
        {
            _length = _stream.Read(_buffer);
        }
        catch (InvalidDataException e)
        {
            _problems.Report($"byte {_bufferOffset}", ProblemKind.Truncated, $"compressed data is damaged ({e.Message}): reading stopped there");
        }
        catch (IOException e)
        {
            _problems.Report($"byte {_bufferOffset}", ProblemKind.Truncated, $"read failed ({e.Message}): reading stopped there");
        }

        if (_length == 0)
        {
            if (_bounded?.LimitReached == true)
            {
                _problems.Report($"byte {_bounded.Limit}", ProblemKind.LimitReached, _bounded.LimitMessage);
            }

            _ended = true;
            return false;
        }

        return true;
    }
}
