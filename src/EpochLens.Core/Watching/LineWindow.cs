namespace EpochLens.Watching;

/// <summary>
/// Cuts a followed line file for a windowed read: its first lines (a CSV header, the lines a reader settles its layout
/// from), then the last few lines already read (the context) and everything written after them. The reader reads the
/// window as it would the file; the first and context lines are read again on purpose: their points must come out
/// as they did before, which shows that the reader still reads the file the same way.
/// </summary>
internal sealed class LineWindow
{
    /// <summary>Files up to this long are copied whole: a window would save little, and a short file's layout is not settled.</summary>
    public const long WholeBelow = 256 << 10;

    private const int PrefixLines = 16;
    private const int MaxContextLines = 4096;
    private const int MaxHead = 64 << 10;
    private const int MaxScan = 1 << 20;

    private long _prefixEnd = -1;
    private long _prefixLines;

    public LineWindow(string file) => File = file;

    public string File { get; }

    /// <summary>The byte after the last complete line when the log was last read: later bytes are read again next time.</summary>
    public long CommittedEnd { get; set; }

    /// <summary>Complete lines before <see cref="CommittedEnd"/>.</summary>
    public long CommittedLines { get; set; }

    /// <summary>
    /// How many lines read before the window holds. Some readers settle a layout from lines that come now and then (a
    /// counter that reaches its total only at an epoch's end): a window refused for reading differently holds more.
    /// </summary>
    public int ContextLines { get; private set; } = 64;

    /// <summary>The window read otherwise than the file: the next holds four times the lines read before, up to 4,096.</summary>
    public void Widen() => ContextLines = Math.Min(MaxContextLines, ContextLines * 4);

    /// <summary>The file was read whole: its first lines are found again (it may have been rewritten with another header).</summary>
    public void Forget() => _prefixEnd = -1;

    /// <summary>
    /// Copies the window up to byte <paramref name="end"/> (null: the file's end) to <paramref name="target"/>; null
    /// when the file cannot be cut by lines (no line break in its first 64 KiB, UTF-16, gzip) and must be read whole.
    /// </summary>
    public WindowCopy? CopyTo(string target, long? end, ref long bytesRead)
    {
        using var source = Open();
        long to = Math.Min(end ?? long.MaxValue, source.Length);
        using var output = Create(target);
        if (to <= WholeBelow)
        {
            Copy(source, 0, to, output, ref bytesRead);
            return WindowCopy.Whole(to);
        }

        if ((_prefixEnd < 0 && !SettlePrefix(source, ref bytesRead)) || CommittedEnd <= _prefixEnd || CommittedEnd > to)
            return null;

        var (contextStart, contextLines) = ContextStart(source, ref bytesRead);
        Copy(source, 0, _prefixEnd, output, ref bytesRead);
        Copy(source, contextStart, to, output, ref bytesRead);
        return new WindowCopy(_prefixEnd, _prefixLines, contextStart, contextLines, CommittedLines - contextLines + 1, to);
    }

    /// <summary>Copies the file's first <paramref name="end"/> bytes whole (its complete lines, for a whole read without the line still being written).</summary>
    public WindowCopy CopyWhole(string target, long end, ref long bytesRead)
    {
        using var source = Open();
        using var output = Create(target);
        long to = Math.Min(end, source.Length);
        Copy(source, 0, to, output, ref bytesRead);
        return WindowCopy.Whole(to);
    }

    private FileStream Open() => new(File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);

    private static FileStream Create(string target) => new(target, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1);

    /// <summary>Finds where the first lines end (up to 16 within 64 KiB); false when the file cannot be cut by lines.</summary>
    private bool SettlePrefix(FileStream source, ref long bytesRead)
    {
        var head = new byte[MaxHead];
        source.Position = 0;
        int read = source.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        bytesRead += read;
        var span = head.AsSpan(0, read);
        if (FileHead.IsGzip(span) || TextEncoding.Utf16Of(span) is not null) return false;

        long lines = 0;
        int end = -1;
        for (int at = span.IndexOf((byte)'\n'); at >= 0 && lines < PrefixLines; at = span[(end + 1)..].IndexOf((byte)'\n') is int next and >= 0 ? end + 1 + next : -1)
        {
            end = at;
            lines++;
        }

        if (end < 0) return false;

        _prefixEnd = end + 1;
        _prefixLines = lines;
        return true;
    }

    /// <summary>The start of the last few complete lines before <see cref="CommittedEnd"/> (never before the first lines' end).</summary>
    private (long Start, long Lines) ContextStart(FileStream source, ref long bytesRead)
    {
        // Read back from the last complete line in small blocks until enough line starts are found (at most 1 MiB);
        // its own line break is left out, so the k-th break found starts the k-th line from the end.
        var block = new byte[16 << 10];
        long lines = 0, start = CommittedEnd, scanEnd = CommittedEnd - 1;
        long floor = Math.Max(_prefixEnd, CommittedEnd - MaxScan);
        while (lines < ContextLines && scanEnd > floor)
        {
            long from = Math.Max(floor, scanEnd - block.Length);
            source.Position = from;
            int read = source.ReadAtLeast(block.AsSpan(0, (int)(scanEnd - from)), (int)(scanEnd - from), throwOnEndOfStream: false);
            bytesRead += read;
            var span = block.AsSpan(0, read);
            while (lines < ContextLines && span.LastIndexOf((byte)'\n') is int at and >= 0)
            {
                span = span[..at];
                start = from + at + 1;
                lines++;
            }

            scanEnd = from;
        }

        // Scanned back to the first lines' end, a line start: the line there is context too.
        return lines < ContextLines && scanEnd == _prefixEnd ? (_prefixEnd, lines + 1) : (start, lines);
    }

    private static void Copy(FileStream source, long from, long to, FileStream output, ref long bytesRead)
    {
        var buffer = new byte[(int)Math.Min(1 << 20, Math.Max(1, to - from))];
        source.Position = from;
        long left = to - from;
        while (left > 0)
        {
            int read = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (read == 0) break;

            output.Write(buffer, 0, read);
            bytesRead += read;
            left -= read;
        }
    }
}
