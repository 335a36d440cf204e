using EpochLens.Readers.ConsoleLogs;
using EpochLens.Readers.Csv;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Telemetry;
using EpochLens.Readers.Text;

namespace EpochLens.Watching;

/// <summary>
/// One log of a followed path (a CSV, a JSON Lines or printed-text file, an EpochLens telemetry folder) and what was
/// read of it. The first read, and any read after the log stopped reading the same way, reads it whole with its
/// reader, as analyze does. Later reads give the same reader a window of each file (<see cref="LineWindow"/>: its first
/// lines, the last lines read before, the new ones) and join the new points to those read before
/// (<see cref="LogMerge"/>): a diagnosis then reads what was appended, not the whole log again.
/// </summary>
internal sealed class FollowedLog
{
    /// <summary>Formats whose files are read line by line, so that a window of lines reads as the file does.</summary>
    private static readonly HashSet<string> LineFormats = new(StringComparer.OrdinalIgnoreCase) { CsvReader.FormatId, JsonLinesReader.Default.Format, TextLogReader.Default.Format, TelemetryReader.Default.Format, KerasReader.Default.Format, MmEngineReader.Default.Format };

    /// <summary>
    /// Windows refused in a row, each wider than the last, before the log is read whole for good: its layout does not
    /// settle (steps counted by row, an epoch length taken from the whole log's fractional epochs).
    /// </summary>
    private const int RefusalsBeforeWholeOnly = 5;

    /// <summary>
    /// A whole read with a line still being written reads a copy of the complete lines, up to this size; a longer log
    /// is read as it stands (its half line, if read otherwise once finished, refuses the next window: one more whole read).
    /// </summary>
    private const long MaxCompleteLinesCopy = 64L << 20;

    private readonly Dictionary<string, LineWindow> _windows = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _rewrites = new(StringComparer.Ordinal);
    private readonly bool _windowed;
    private IReadOnlyList<string> _files;
    private bool _filesChanged = true;
    private int _refusalsInRow;

    /// <param name="reader">The format's reader.</param>
    /// <param name="name">The log's name, as analyze names it.</param>
    /// <param name="files">Its files.</param>
    /// <param name="alone">
    /// One file of a multi-file format named alone (a telemetry folder's steps.csv): its reader also reads the files
    /// beside it, which a window does not hold, so it is read whole.
    /// </param>
    public FollowedLog(ILogReader reader, string name, IReadOnlyList<string> files, bool alone = false)
    {
        Reader = reader;
        Name = name;
        _files = files;
        _windowed = !alone && LineFormats.Contains(reader.Format);
    }

    public ILogReader Reader { get; }

    public string Name { get; }

    /// <summary>The log as read so far (empty before it could be read; more than one for a file of several runs).</summary>
    public IReadOnlyList<TrainingLog> Logs { get; private set; } = [];

    public int WholeReads { get; private set; }

    public int WindowedReads { get; private set; }

    /// <summary>Why the last window was given up for a whole read, or null.</summary>
    public string? LastRefusal { get; private set; }

    /// <summary>Takes the log's files as listed now (a telemetry folder's epochs file appears after the first epoch).</summary>
    public void Update(IReadOnlyList<string> files)
    {
        if (!files.SequenceEqual(_files, StringComparer.Ordinal))
        {
            _files = files;
            _filesChanged = true;
        }
    }

    /// <summary>
    /// Reads what is new, windowed where it can be, else whole; <paramref name="bytesRead"/> counts the bytes read from
    /// the files; <paramref name="final"/>: watching ends, and a line still being written must be read as it stands.
    /// Throws <see cref="LogReadException"/> when the log cannot be read (yet).
    /// </summary>
    public IReadOnlyList<TrainingLog> Read(IReadOnlyDictionary<string, AppendedFileTail> tails, ReadOptions options, IProblemSink problems, bool final, ref long bytesRead)
    {
        if (!_windowed)
        {
            // A JSON document, a Hugging Face trainer_state.json, an MLflow run: rewritten whole or not made of lines.
            WholeReads++;
            return Logs = ReadFiles(_files, options, problems, ref bytesRead);
        }

        bool partial = _files.Any(f => tails.TryGetValue(f, out var tail) && tail.PartialBytes > 0);
        bool rewritten = _files.Any(f => tails.TryGetValue(f, out var tail) && tail.Rewrites != _rewrites.GetValueOrDefault(f));
        bool windowed = false;
        if (Logs.Count == 1 && !_filesChanged && !rewritten && _refusalsInRow < RefusalsBeforeWholeOnly)
        {
            if (ReadWindows(tails, toEnd: false, options, problems, ref bytesRead, out _) is { } refusal)
            {
                // One whole read settles the new layout (a new column, a resumed run, a rewritten file); windows follow it again.
                LastRefusal = refusal;
                _refusalsInRow++;
            }
            else
            {
                _refusalsInRow = 0;
                windowed = true;
            }
        }

        if (!windowed)
        {
            // The complete lines only, so that a line still being written is read again once it is finished.
            WholeReads++;
            bool copyable = _files.Sum(f => tails.TryGetValue(f, out var tail) ? tail.CompleteBytes : 0) <= MaxCompleteLinesCopy;
            Logs = partial && copyable ? ReadCompleteLines(tails, options, problems, ref bytesRead) : ReadFiles(_files, options, problems, ref bytesRead);
            _filesChanged = false;
            Commit(tails, whole: true);
        }

        if (!partial) return Logs;

        // This snapshot also reads the lines still being written, as they stand (analyze would); they are not kept.
        if (Logs.Count == 1 && ReadWindows(tails, toEnd: true, options, problems, ref bytesRead, out var withPartial) is null)
            return [withPartial!];

        // Until watching ends, a line that the window cannot take waits (a progress bar redrawn without a line break
        // would else cost a whole read per diagnosis); the final snapshot reads it as analyze does.
        if (!final) return Logs;

        try
        {
            return ReadFiles(_files, options, IgnoredProblems.Instance, ref bytesRead);
        }
        catch (LogReadException)
        {
            return Logs;
        }
    }

    private IReadOnlyList<TrainingLog> ReadFiles(IReadOnlyList<string> files, ReadOptions options, IProblemSink problems, ref long bytesRead)
    {
        foreach (var file in files) bytesRead += Length(file);

        var budget = new PointBudget(options.MaxPoints, options.Progress);
        IReadOnlyList<TrainingLog> logs;
        using (budget.Use())
        {
            logs = Reader.Read(new LogSource(Name, files), options, problems);
        }

        if (budget.Exhausted)
        {
            problems.Report(new ReadProblem(Name, "", ProblemKind.LimitReached, MemoryBudget.UsedUp(options, budget.Points)));

            // A cut log cannot be joined to: it is read whole from now on.
            _refusalsInRow = RefusalsBeforeWholeOnly;
        }

        return logs;
    }

    /// <summary>Reads a copy of each file's complete lines, with the problems named as the files'.</summary>
    private IReadOnlyList<TrainingLog> ReadCompleteLines(IReadOnlyDictionary<string, AppendedFileTail> tails, ReadOptions options, IProblemSink problems, ref long bytesRead)
    {
        var folder = Directory.CreateTempSubdirectory("epochlens-window-");
        var held = new WindowProblems();
        try
        {
            var copies = new List<string>(_files.Count);
            foreach (var file in _files)
            {
                string copy = Path.Combine(folder.FullName, Path.GetFileName(file));
                long end = tails.TryGetValue(file, out var tail) ? tail.CompleteBytes : long.MaxValue;
                held.Add(copy, file, Window(file).CopyWhole(copy, end, ref bytesRead));
                copies.Add(copy);
            }

            // Two files of one name (a telemetry folder holds one of each): read from where they are.
            if (copies.Distinct(StringComparer.Ordinal).Count() != copies.Count)
                return ReadFiles(_files, options, problems, ref bytesRead);

            var logs = ReadFiles(copies, options, held, ref bytesRead);
            held.Release(problems);
            return logs;
        }
        catch (LogReadException e)
        {
            throw new LogReadException(held.FileOf(e.File), e.Problem, e);
        }
        finally
        {
            Delete(folder);
        }
    }

    /// <summary>
    /// Reads each file's window (up to the complete lines the last poll saw, or with <paramref name="toEnd"/> up to the
    /// file's end) and joins it to the log; kept unless <paramref name="toEnd"/>. The refusal when it cannot be joined, else null.
    /// </summary>
    private string? ReadWindows(IReadOnlyDictionary<string, AppendedFileTail> tails, bool toEnd, ReadOptions options, IProblemSink problems, ref long bytesRead, out TrainingLog? merged)
    {
        merged = null;
        var folder = Directory.CreateTempSubdirectory("epochlens-window-");
        try
        {
            var held = new WindowProblems();
            var copies = new List<string>(_files.Count);
            foreach (var file in _files)
            {
                // The window keeps the file's name: readers know some files by it (steps.csv, a .tsv's tabs).
                string copy = Path.Combine(folder.FullName, Path.GetFileName(file));
                long? end = toEnd ? null : tails.TryGetValue(file, out var tail) ? tail.CompleteBytes : null;
                if (copies.Contains(copy, StringComparer.Ordinal) || Window(file).CopyTo(copy, end, ref bytesRead) is not { } cut)
                    return "a file that cannot be cut by lines";

                held.Add(copy, file, cut);
                copies.Add(copy);
            }

            IReadOnlyList<TrainingLog> read;
            var budget = new PointBudget(options.MaxPoints);
            using (budget.Use())
            {
                read = Reader.Read(new LogSource(Name, copies), options, held);
            }

            if (read.Count != 1) return "the window reads as another number of runs";

            if (LogMerge.TryMerge(Logs[0], read[0], options.MaxPoints, out merged, out bool readOtherwise) is { } refusal)
            {
                if (readOtherwise)
                {
                    foreach (var file in _files) Window(file).Widen();
                }

                return refusal;
            }

            if (!toEnd)
            {
                // The problems of a line still being written are not reported: it may yet be finished (and is, at the end, by the follower).
                held.Release(problems);
                Logs = [merged!];
                WindowedReads++;
                Commit(tails, whole: false);
            }

            return null;
        }
        catch (LogReadException e)
        {
            return $"the window cannot be read ({e.Problem})";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"a file cannot be read now ({e.Message})";
        }
        finally
        {
            Delete(folder);
        }
    }

    private LineWindow Window(string file)
    {
        if (!_windows.TryGetValue(file, out var window)) _windows[file] = window = new LineWindow(file);

        return window;
    }

    private static void Delete(DirectoryInfo folder)
    {
        try
        {
            folder.Delete(recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A window left in the temporary folder is harmless; the next read makes a new one.
        }
    }

    /// <summary>Everything up to the complete lines seen by the last poll is read; later bytes are read again next time.</summary>
    private void Commit(IReadOnlyDictionary<string, AppendedFileTail> tails, bool whole)
    {
        foreach (var file in _files)
        {
            if (!tails.TryGetValue(file, out var tail)) continue;

            var window = Window(file);
            if (whole) window.Forget();

            window.CommittedEnd = tail.CompleteBytes;
            window.CommittedLines = tail.CompleteLines;
            _rewrites[file] = tail.Rewrites;
        }
    }

    private static long Length(string file)
    {
        try
        {
            return new FileInfo(file).Length;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
