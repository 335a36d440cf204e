using EpochLens.Watching;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Follows event files as they are written: each poll reads on from the record where the last stopped (one still being
/// written waits, not damage) into runs kept between polls; files that appear later join their run.
/// </summary>
/// <param name="path">An event file (followed alone, as analyze reads it) or a folder (every run under it).</param>
/// <param name="options"><see cref="ReadOptions.Strict"/> is not taken: a poll may meet half a record.</param>
internal sealed class TensorBoardFollower(string path, ReadOptions options) : ILogFollower
{
    private readonly bool _singleFile = File.Exists(path);
    private readonly ReadOptions _options = options with { Strict = false };
    private readonly Dictionary<string, RunAccumulator> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventFileTail> _tails = new(StringComparer.Ordinal);
    private byte[]? _buffer;

    public long? LastStep => _runs.Values.Max(r => r.LastStep);

    public long BytesRead { get; private set; }

    public bool PartialLinePending => false;

    public bool Poll(IProblemSink problems)
    {
        var reporter = new ProblemReporter(problems, strict: false);
        bool grew = false;
        foreach (var file in EventFiles())
        {
            if (!_tails.TryGetValue(file, out var tail)) _tails[file] = tail = new EventFileTail(file);
            if (!tail.Ignored) grew |= ReadOn(tail, reporter);
        }

        return grew;
    }

    public IReadOnlyList<TrainingLog> Snapshot(IProblemSink problems)
    {
        var logs = new List<TrainingLog>();
        foreach (var (name, run) in _runs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            run.Problems = new ProblemReporter(problems, strict: false);
            var log = run.Build(name, keepPoints: true);
            if (log.Series.Count > 0) logs.Add(log);
        }

        return logs;
    }

    public void ReportPartialTails(IProblemSink problems)
    {
        foreach (var tail in _tails.Values.Where(t => !t.Ignored && t.Length > t.Offset))
        {
            problems.Report(new ReadProblem(tail.File, $"record {tail.Records} at byte {tail.Offset}", ProblemKind.Truncated,
                $"the file ends inside a record ({tail.Length - tail.Offset} byte(s) written of it) when watching stopped: everything before it kept"));
        }
    }

    /// <summary>The event files to follow, in file-name order, as the batch reader reads a run's.</summary>
    private List<string> EventFiles()
    {
        if (_singleFile) return [path];
        if (!Directory.Exists(path)) return [];

        try
        {
            return LogFolder.Files(path)
                .Where(f => TensorBoardReader.Default.Recognises(f, default) && SpecialFile.Kind(f) is null)
                .Order(StringComparer.Ordinal)
                .ToList();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A folder removed or renamed while it was listed (a run cleaning up): the next look lists again.
            return [];
        }
    }

    /// <summary>True when a record was read.</summary>
    private bool ReadOn(EventFileTail tail, ProblemReporter reporter)
    {
        FileStream stream;
        try
        {
            stream = LogFile.OpenFile(tail.File);
        }
        catch (LogReadException)
        {
            // Deleted or renamed between the listing and now, or not readable yet: the next poll looks again.
            return false;
        }

        using (stream)
        {
            long length = stream.Length;
            string? ignored = length < tail.Offset
                ? $"the file shrank from {tail.Length} to {length} bytes while watched (rewritten?): no longer followed; analyze reads it again"
                : tail.Offset == 0 && length > 0 && FileHead.IsGzip(stream)
                ? "a gzip-compressed event file cannot be followed while it grows: not watched; analyze reads it"
                : null;
            if (ignored is not null)
            {
                reporter.Note(tail.File, "", ProblemKind.Skipped, ignored);
                tail.Ignored = true;
                return false;
            }

            tail.Length = length;
            if (length == tail.Offset) return false;

            stream.Position = tail.Offset;
            string name = _singleFile ? path : TensorBoardReader.Default.GroupKey(tail.File);
            if (!_runs.TryGetValue(name, out var run)) _runs[name] = run = new RunAccumulator(_options, reporter);
            run.Problems = reporter;
            var scanner = new TfRecordScanner(stream, _buffer, tail.Offset, tail.Records);
            long before = run.Records;
            try
            {
                // The next poll starts at the record still being written (after framing lost, past the bytes scanned).
                var ended = EventFileReader.ReadRecords(tail.File, scanner, run, growing: true);
                tail.Offset = ended == RecordStatus.FramingLost
                    ? tail.Offset + scanner.BytesRead : scanner.RecordOffset;
                bool cut = ended is RecordStatus.Truncated or RecordStatus.LengthPastEnd && scanner.DeclaredLength >= 0;
                tail.Records = cut ? scanner.RecordIndex : scanner.RecordIndex + 1;
            }
            catch (LogReadException e)
            {
                reporter.Note(tail.File, "", ProblemKind.Skipped, $"not read: {e.Problem}");
                tail.Ignored = true;
            }

            BytesRead += scanner.BytesRead;
            _buffer = scanner.Buffer;
            return run.Records > before;
        }
    }
}
