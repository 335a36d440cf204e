using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Input;

namespace EpochLens.Watching;

/// <summary>
/// Follows logs other than TensorBoard (CSV, JSON Lines, printed text, EpochLens telemetry, JSON documents
/// rewritten in place). Between diagnoses a poll reads only the bytes appended since the last one, to know whether
/// complete lines arrived and how far the run got; a partly written last line is waited for. A snapshot reads the
/// log again with its reader, since these readers settle a file's layout (columns, line shapes, epoch columns)
/// from the whole file: that costs the log's length, once per diagnosis, like the diagnosis itself.
/// </summary>
internal sealed class RereadFollower : ILogFollower
{
    private readonly string _path;
    private readonly ReadOptions _options;
    private readonly LogReader _reader;
    private readonly Dictionary<string, AppendedFileTail> _tails = new(StringComparer.Ordinal);
    private byte[]? _buffer;
    private long _bytesRead;

    // Steps per complete line at the last snapshot, to estimate how far the run got from the lines since.
    private long _linesAtSnapshot;
    private long? _stepAtSnapshot;
    private double _stepsPerLine = 1;

    public RereadFollower(string path, ReadOptions options, LogReader reader)
    {
        _path = path;
        _options = options;
        _reader = reader;
    }

    public long? LastStep => _stepAtSnapshot is long step
        ? step + (long)((Lines - _linesAtSnapshot) * _stepsPerLine)
        : Lines > 0 ? Lines : null;

    public long BytesRead => _bytesRead;

    public bool PartialLinePending => _tails.Values.Any(t => t.PartialBytes > 0);

    private long Lines => _tails.Values.Sum(t => t.CompleteLines);

    public bool Poll(IProblemSink problems)
    {
        bool news = false;
        foreach (var file in Files())
        {
            if (!_tails.TryGetValue(file, out var tail))
            {
                _tails[file] = tail = new AppendedFileTail(file);
            }

            news |= tail.Look(ref _bytesRead, ref _buffer);
        }

        return news;
    }

    public IReadOnlyList<TrainingLog> Snapshot(IProblemSink problems)
    {
        IReadOnlyList<TrainingLog> logs;
        try
        {
            logs = _reader.Read(_path, _options, problems);
        }
        catch (LogReadException)
        {
            // Nothing readable yet (a CSV with only its header, a folder before its first log): the next snapshot tries again.
            return [];
        }

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
        foreach (var tail in _tails.Values.Where(t => t.PartialBytes > 0))
        {
            problems.Report(new ReadProblem(tail.File, $"byte {tail.CompleteBytes}", ProblemKind.Truncated,
                $"the last line ({tail.PartialBytes} byte(s)) had no line break when watching stopped: read as it stands"));
        }
    }

    private List<string> Files()
    {
        if (File.Exists(_path))
        {
            return SpecialFile.Kind(_path) is null ? [_path] : [];
        }

        if (!Directory.Exists(_path))
        {
            return [];
        }

        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            IgnoreInaccessible = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System | FileAttributes.ReparsePoint,
        };
        try
        {
            return Directory.EnumerateFiles(_path, "*", options)
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
