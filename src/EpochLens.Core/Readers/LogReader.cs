namespace EpochLens.Readers;

/// <summary>
/// Reads whatever the user points at: a log file, or a folder searched for logs (each run folder of
/// TensorBoard event files, each CSV, ...), detecting each file's format unless one is given.
/// </summary>
/// <param name="readers">The readers, most specific first: detection asks them in this order.</param>
public sealed class LogReader(IReadOnlyList<ILogReader> readers)
{
    /// <summary>The formats this reader knows.</summary>
    public IEnumerable<ILogReader> Formats => readers;

    /// <summary>
    /// Reads every log at <paramref name="path"/>. Throws <see cref="LogReadException"/> when there is none or the one
    /// log there cannot be read; of several logs in a folder, one that cannot be read becomes a problem.
    /// </summary>
    public IReadOnlyList<TrainingLog> Read(string path, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var budget = new PointBudget(options.MaxPoints, options.Progress);
        IReadOnlyList<TrainingLog> logs;
        using (budget.Use()) logs = ReadWithin(path, options, problems);
        if (!budget.Exhausted) return logs;
        var usedUp = MemoryBudget.UsedUp(options, budget.Points);
        problems.Report(new ReadProblem(path, "", ProblemKind.LimitReached, usedUp));
        return logs;
    }

    private IReadOnlyList<TrainingLog> ReadWithin(string path, ReadOptions options, IProblemSink problems)
    {
        var forced = options.Format is null ? null : ReaderFor(options.Format);
        if (SpecialFile.Kind(path) is { } special)
            throw new LogReadException(path, $"{special}, not a regular file: logs are read from files");

        if (File.Exists(path))
        {
            var reader = forced ?? Detect(path, out long scanned)
                ?? throw new LogReadException(path, UnrecognisedFile.Explain(path, FileHead.Read(path))
                    ?? $"not a training log this tool reads (expected {ExpectedFormats()}{Looked(scanned)})");
            return reader.Read(LogSource.OfFile(path), options, problems);
        }

        if (!Directory.Exists(path)) throw new LogReadException(path, "no such file or folder");
        var found = FindLogs(path, options, problems);
        var logs = new List<TrainingLog>();
        foreach (var log in found)
        {
            try
            {
                logs.AddRange(log.Read(options, problems));
            }
            catch (LogReadException e) when (found.Count > 1 && !options.Strict)
            {
                problems.Report(new ReadProblem(e.File, "", ProblemKind.Skipped, $"not read: {e.Problem}"));
            }
        }

        const string none = "none of the logs in this folder could be read (see the problems above)";
        return logs.Count > 0 ? logs : throw new LogReadException(path, none);
    }

    /// <summary>
    /// The logs in a folder, found without reading them (a sweep reads them in parallel), ordered by name; files that
    /// cannot be opened become problems. Throws <see cref="LogReadException"/> when the folder holds no log.
    /// </summary>
    public IReadOnlyList<FoundLog> FindLogs(string path, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(options);
        var forced = options.Format is null ? null : ReaderFor(options.Format);
        var recognised = new List<(ILogReader Reader, string File)>();
        int files = 0;
        foreach (var file in LogFolder.Files(path))
        {
            if (++files > options.MaxFiles)
            {
                problems.Report(new ReadProblem(path, "", ProblemKind.LimitReached,
                    $"more than {options.MaxFiles} files: only the first {options.MaxFiles} were looked at"));
                break;
            }

            // Opening a FIFO blocks for good: one odd file must not stop the good logs beside it.
            if (SpecialFile.Kind(file) is { } kind)
            {
                problems.Report(new ReadProblem(file, "", ProblemKind.Skipped, $"{kind}, not a regular file: skipped"));
                continue;
            }

            ILogReader? reader;
            try
            {
                reader = forced is not null && forced.Recognises(file, FileHead.Read(file)) ? forced : forced is null ? Detect(file) : null;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Report(new ReadProblem(file, "", ProblemKind.Skipped, $"cannot be opened: {e.Message}"));
                continue;
            }

            if (reader is not null) recognised.Add((reader, file));
        }

        if (recognised.Count == 0)
            throw new LogReadException(path, $"no training log found in this folder (looked for {ExpectedFormats()})");

        // The group key names the log: the file itself, or the run folder of a multi-file format.
        return [.. recognised.GroupBy(r => (r.Reader, Key: r.Reader.GroupKey(r.File)))
            .OrderBy(g => g.Key.Key, StringComparer.Ordinal)
            .Select(g => new FoundLog(g.Key.Reader, g.Key.Key,
                [.. g.Select(f => f.File).Order(StringComparer.Ordinal)]))];
    }

    /// <summary>The first reader that recognises the file's head, or else a later window of its text.</summary>
    public ILogReader? Detect(string file) => Detect(file, out _);

    private ILogReader? Detect(string file, out long scanned)
    {
        scanned = 0;
        var head = FileHead.Read(file);
        return readers.FirstOrDefault(r => r.Recognises(file, head))
            ?? (head.AsSpan().IndexOf((byte)0) < 0 ? TextWindows.Find(file, readers, out scanned) : null);
    }

    private static string Looked(long scanned) =>
        scanned <= FileHead.Size ? "" : $"; looked through the first {scanned:N0} bytes of text for such lines";

    private ILogReader ReaderFor(string format) =>
        readers.FirstOrDefault(r => string.Equals(r.Format, format, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException(
            $"unknown format '{format}'; known formats: {string.Join(", ", readers.Select(r => r.Format))}");

    private string ExpectedFormats() => string.Join("; ", readers.Select(r => r.Description));
}
