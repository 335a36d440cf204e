using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Watching;

namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Follows TensorBoard event files while they are written: each file is read on from the record boundary where the
/// last poll stopped, a record still being written is left for the next poll (not reported as damage), and event
/// files that appear later (a resumed run's) join their run folder. The runs' accumulators keep their state between
/// polls, so a poll costs what was appended, not the file's length; snapshots copy the series (once per diagnosis).
/// </summary>
internal sealed class TensorBoardFollower : ILogFollower
{
    private readonly string _path;
    private readonly bool _singleFile;
    private readonly ReadOptions _options;
    private readonly ForwardingProblemSink _sink = new();
    private readonly ProblemReporter _reporter;
    private readonly Dictionary<string, RunAccumulator> _runs = new(StringComparer.Ordinal);
    private readonly Dictionary<string, EventFileTail> _tails = new(StringComparer.Ordinal);
    private byte[]? _buffer;

    /// <param name="path">An event file (followed alone, as analyze reads it) or a folder (every run folder under it).</param>
    /// <param name="options">How to read; <see cref="ReadOptions.Strict"/> is not taken, since a poll may meet half a record.</param>
    public TensorBoardFollower(string path, ReadOptions options)
    {
        _path = path;
        _singleFile = File.Exists(path);
        _options = options with { Strict = false };
        _reporter = new ProblemReporter(_sink, strict: false);
    }

    public long? LastStep => _runs.Values.Max(r => r.LastStep);

    public long BytesRead { get; private set; }

    public bool PartialLinePending => false;

    public bool Poll(IProblemSink problems)
    {
        _sink.Target = problems;
        bool grew = false;
        foreach (var file in EventFiles())
        {
            if (!_tails.TryGetValue(file, out var tail))
            {
                _tails[file] = tail = new EventFileTail(file);
            }

            if (!tail.Ignored)
            {
                grew |= ReadOn(tail);
            }
        }

        return grew;
    }

    public IReadOnlyList<TrainingLog> Snapshot(IProblemSink problems)
    {
        _sink.Target = problems;
        var logs = new List<TrainingLog>();
        foreach (var (name, run) in _runs.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            var (series, epochs) = run.Build(name, keepPoints: true);
            if (series.Count > 0)
            {
                logs.Add(new TrainingLog(name, TensorBoardReader.Default.Format, series, epochs));
            }
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

    /// <summary>The event files to follow, in file-name order (the order the batch reader reads a run's files in).</summary>
    private List<string> EventFiles()
    {
        if (_singleFile)
        {
            return [_path];
        }

        if (!Directory.Exists(_path))
        {
            return [];
        }

        try
        {
            return LogFolder.Files(_path)
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

    /// <summary>Reads the file on from its tail; true when a record was read.</summary>
    private bool ReadOn(EventFileTail tail)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(tail.File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Deleted or renamed between the listing and now, or not readable yet: the next poll looks again.
            return false;
        }

        using (stream)
        {
            long length = stream.Length;
            if (length < tail.Offset)
            {
                _reporter.Note(tail.File, "", ProblemKind.Skipped,
                    $"the file shrank from {tail.Length} to {length} bytes while watched (rewritten?): no longer followed; analyze reads it again");
                tail.Ignored = true;
                return false;
            }

            tail.Length = length;
            if (length == tail.Offset)
            {
                return false;
            }

            if (tail.Offset == 0 && FileHead.IsGzip(stream))
            {
                _reporter.Note(tail.File, "", ProblemKind.Skipped,
                    "a gzip-compressed event file cannot be followed while it grows: not watched; analyze reads it");
                tail.Ignored = true;
                return false;
            }

            stream.Position = tail.Offset;
            return ReadRecords(tail, stream);
        }
    }

    private bool ReadRecords(EventFileTail tail, FileStream stream)
    {
        string run = _singleFile ? _path : TensorBoardReader.Default.GroupKey(tail.File);
        if (!_runs.TryGetValue(run, out var accumulator))
        {
            _runs[run] = accumulator = new RunAccumulator(_options, _reporter);
        }

        var scanner = new TfRecordScanner(stream, long.MaxValue, _buffer, tail.Offset, tail.Records);
        accumulator.File = tail.File;
        accumulator.Scanner = scanner;
        bool read = false;
        try
        {
            while (true)
            {
                var status = scanner.Next();
                if (!tail.Framed && status is RecordStatus.Resynchronised or RecordStatus.FramingLost)
                {
                    _reporter.Note(tail.File, "", ProblemKind.Skipped, $"not read: {EventFileReader.NotAnEventFile}");
                    tail.Ignored = true;
                    return read;
                }

                tail.Framed |= status is RecordStatus.Record or RecordStatus.BadPayloadChecksum or RecordStatus.Oversized;
                if (status == RecordStatus.Record)
                {
                    read = true;
                    accumulator.Read(scanner.Payload);
                    continue;
                }

                (ProblemKind Kind, string Message)? problem = status switch
                {
                    RecordStatus.BadPayloadChecksum => (ProblemKind.BadChecksum, "payload checksum mismatch: record skipped"),
                    RecordStatus.Oversized => (ProblemKind.Malformed,
                        $"a record of {scanner.DeclaredLength} bytes, over the {TfRecordScanner.MaxRecordLength >> 20} MiB cap: skipped unread"),
                    RecordStatus.Resynchronised => (ProblemKind.BadChecksum,
                        $"length checksum mismatch: framing lost; {scanner.SkippedBytes} byte(s) skipped to the next valid record"),
                    RecordStatus.FramingLost => (ProblemKind.BadChecksum,
                        $"length checksum mismatch: framing lost; no valid record in the {scanner.SkippedBytes} byte(s) written so far"),
                    _ => null,
                };
                if (problem is { } found)
                {
                    _reporter.Report(tail.File, accumulator.Location, found.Kind, found.Message);
                }

                if (status is RecordStatus.BadPayloadChecksum or RecordStatus.Oversized or RecordStatus.Resynchronised)
                {
                    continue;
                }

                // The end, or a record still being written: the next poll starts at its first byte again (after framing
                // lost, past the bytes scanned).
                tail.Offset = status == RecordStatus.FramingLost ? tail.Offset + scanner.BytesRead : scanner.RecordOffset;
                tail.Records = status == RecordStatus.Truncated && scanner.DeclaredLength >= 0 ? scanner.RecordIndex : scanner.RecordIndex + 1;
                return read;
            }
        }
        finally
        {
            BytesRead += scanner.BytesRead;
            _buffer = scanner.Buffer;
            accumulator.Scanner = null;
        }
    }
}
