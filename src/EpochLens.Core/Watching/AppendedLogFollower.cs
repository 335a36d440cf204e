namespace EpochLens.Watching;

/// <summary>
/// Follows logs other than TensorBoard (CSV, JSON Lines, printed text, EpochLens telemetry, JSON documents rewritten
/// in place). A poll reads only the bytes appended since the last one, to know whether complete lines arrived and how
/// far the run got; a partly written last line is waited for. A snapshot reads each log's new lines through its reader
/// in a window (<see cref="FollowedLog"/>), so that a diagnosis reads what was appended, not the whole log again; a log
/// whose layout changed, or that is not made of lines, is read whole.
/// </summary>
internal sealed class AppendedLogFollower : ILogFollower
{
    private readonly string _path;
    private readonly ReadOptions _options;
    private readonly LogReader _reader;
    private readonly ILogReader? _forced;
    private readonly Dictionary<string, AppendedFileTail> _tails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, (ILogReader? Reader, long Length)> _detected = new(StringComparer.Ordinal);
    private readonly Dictionary<(ILogReader Reader, string Key), FollowedLog> _logs = [];
    private byte[]? _buffer;
    private long _bytesRead;

    // Set when watching ends (the partial tails are reported then): the last snapshot reads a partly written line as analyze would.
    private bool _final;

    // Steps per complete line at the last snapshot, to estimate how far the run got from the lines since.
    private long _linesAtSnapshot;
    private long? _stepAtSnapshot;
    private double _stepsPerLine = 1;

    public AppendedLogFollower(string path, ReadOptions options, LogReader reader)
    {
        _path = path;
        _options = options;
        _reader = reader;
        _forced = options.Format is { } format
            ? reader.Formats.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
            : null;
    }

    public long? LastStep => _stepAtSnapshot is long step
        ? step + (long)((Lines - _linesAtSnapshot) * _stepsPerLine)
        : Lines > 0 ? Lines : null;

    public long BytesRead => _bytesRead;

    /// <summary>Bytes the last snapshot read from the files: the new lines and a window's few old ones, or a whole log.</summary>
    public long SnapshotBytes { get; private set; }

    /// <summary>Reads of a whole log, every log and snapshot together.</summary>
    public int WholeReads => _logs.Values.Sum(l => l.WholeReads);

    /// <summary>Reads of only a log's new lines (in a window), every log and snapshot together.</summary>
    public int WindowedReads => _logs.Values.Sum(l => l.WindowedReads);

    /// <summary>Why a log was last read whole when a window was tried, or null.</summary>
    public string? LastRefusal => _logs.Values.Select(l => l.LastRefusal).LastOrDefault(r => r is not null);

    public bool PartialLinePending => _tails.Values.Any(t => t.PartialBytes > 0);

    private long Lines => _tails.Values.Sum(t => t.CompleteLines);

    public bool Poll(IProblemSink problems)
    {
        bool news = false;
        var files = Files();
        foreach (var gone in _tails.Keys.Except(files, StringComparer.Ordinal).ToList())
        {
            // Removed or renamed (a run cleaning up): no longer part of the log, as analyze would not see it.
            _tails.Remove(gone);
            _detected.Remove(gone);
            news = true;
        }

        foreach (var file in files)
        {
            if (!_tails.TryGetValue(file, out var tail)) _tails[file] = tail = new AppendedFileTail(file);

            news |= tail.Look(ref _bytesRead, ref _buffer);
        }

        return news;
    }

    public IReadOnlyList<TrainingLog> Snapshot(IProblemSink problems)
    {
        var groups = Groups();
        var logs = new List<TrainingLog>();
        long before = _bytesRead;
        foreach (var ((reader, key), files) in groups.OrderBy(g => g.Key.Key, StringComparer.Ordinal))
        {
            if (!_logs.TryGetValue((reader, key), out var log))
                _logs[(reader, key)] = log = new FollowedLog(reader, key, files, alone: File.Exists(_path) && reader.GroupKey(_path) != _path);

            log.Update(files);
            try
            {
                logs.AddRange(log.Read(_tails, _options, problems, _final, ref _bytesRead));
            }
            catch (LogReadException e) when (groups.Count > 1 && !_options.Strict)
            {
                // As analyze does in a folder of several logs: one that cannot be read is a note, the others are read.
                problems.Report(new ReadProblem(e.File, "", ProblemKind.Skipped, $"not read: {e.Problem}"));
            }
            catch (LogReadException)
            {
                // Nothing readable yet (a CSV with only its header, a log before its first loss): the next snapshot tries again.
            }
        }

        SnapshotBytes = _bytesRead - before;
        _linesAtSnapshot = Lines;
        var longest = logs.SelectMany(l => l.Series).MaxBy(s => s.Count);
        if (longest is { Count: > 1 })
        {
            _stepAtSnapshot = longest.Steps[^1];
            _stepsPerLine = _linesAtSnapshot > 0 ? Math.Max(1, (double)(longest.Steps[^1] - longest.Steps[0]) / _linesAtSnapshot) : 1;
        }

        return logs;
    }

    public void ReportPartialTails(IProblemSink problems)
    {
        _final = true;
        foreach (var tail in _tails.Values.Where(t => t.PartialBytes > 0))
        {
            problems.Report(new ReadProblem(tail.File, $"byte {tail.CompleteBytes}", ProblemKind.Truncated,
                $"the last line ({tail.PartialBytes} byte(s)) had no line break when watching stopped: read as it stands"));
        }
    }

    /// <summary>The logs at the path, as analyze would find them: a file alone, or a folder's files grouped by format.</summary>
    private Dictionary<(ILogReader Reader, string Key), List<string>> Groups()
    {
        var groups = new Dictionary<(ILogReader Reader, string Key), List<string>>();
        bool single = File.Exists(_path);
        foreach (var file in _tails.Keys.Order(StringComparer.Ordinal))
        {
            if (Reader(file, single) is not { } reader) continue;

            var key = (reader, single ? _path : reader.GroupKey(file));
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];

            list.Add(file);
        }

        return groups;
    }

    /// <summary>
    /// The file's reader: detected again as the file grows while detection looks at all of it (its head is shorter than
    /// what detection reads), then kept; a longer file no reader knows is looked at again when it has doubled (printed
    /// logs often start with other output, and detection may scan the whole file).
    /// </summary>
    private ILogReader? Reader(string file, bool single)
    {
        long length = _tails[file].CompleteBytes + _tails[file].PartialBytes;
        if (_detected.TryGetValue(file, out var known)
            && (length == known.Length || (known.Length >= FileHead.Size && (known.Reader is not null || length < 2 * known.Length))))
        {
            return known.Reader;
        }

        ILogReader? reader;
        try
        {
            reader = single && _forced is not null ? _forced
                : _forced is not null ? (_forced.Recognises(file, FileHead.Read(file)) ? _forced : null)
                : _reader.Detect(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        _detected[file] = (reader, length);
        return reader;
    }

    private List<string> Files()
    {
        if (File.Exists(_path)) return SpecialFile.Kind(_path) is null ? [_path] : [];

        if (!Directory.Exists(_path)) return [];

        try
        {
            return LogFolder.Files(_path)
                .Where(f => SpecialFile.Kind(f) is null)
                .Take(_options.MaxFiles)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder removed or renamed while it was listed (a run cleaning up): the next look lists again.
            return [];
        }
    }
}
