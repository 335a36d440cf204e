using EpochLens.Readers.TensorBoard;

namespace EpochLens.Watching;

/// <summary>
/// Follows whatever a path holds, deciding how once a log shows up there (a run's folder often exists before its
/// first log, or not at all when watching starts): TensorBoard event files are followed record by record, other
/// formats line by line by <see cref="AppendedLogFollower"/>.
/// </summary>
public sealed class PathFollower : ILogFollower
{
    private readonly string _path;
    private readonly ReadOptions _options;
    private readonly LogReader _reader;
    private ILogFollower? _inner;

    public PathFollower(string path, ReadOptions options, LogReader reader)
    {
        ArgumentNullException.ThrowIfNull(options);
        _path = path;
        _options = options;
        _reader = reader;
    }

    /// <summary>
    /// Why the path can never be followed (a FIFO, device or socket, which would block or never end), or null.
    /// </summary>
    public static string? Refusal(string path) =>
        SpecialFile.Kind(path) is { } kind ? $"{kind}, not a regular file: logs are read from files" : null;

    /// <summary>How the log is followed, in a few words; null until a log is there.</summary>
    public string? Method => _inner switch
    {
        TensorBoardFollower => "TensorBoard event files, read on record by record",
        AppendedLogFollower => "appended lines read as they come, each diagnosis reading only the new ones",
        _ => null,
    };

    public long? LastStep => _inner?.LastStep;

    public long BytesRead => _inner?.BytesRead ?? 0;

    public bool PartialLinePending => _inner?.PartialLinePending ?? false;

    public bool Poll(IProblemSink problems) => (_inner ??= Decide()) is { } inner && inner.Poll(problems);

    public IReadOnlyList<TrainingLog> Snapshot(IProblemSink problems) => _inner?.Snapshot(problems) ?? [];

    public void ReportPartialTails(IProblemSink problems) => _inner?.ReportPartialTails(problems);

    private ILogFollower? Decide()
    {
        if (SpecialFile.Kind(_path) is not null) return null;

        bool tensorBoard = string.Equals(_options.Format, TensorBoardReader.Default.Format, StringComparison.OrdinalIgnoreCase);
        if (_options.Format is not null)
            return File.Exists(_path) || Directory.Exists(_path) ? Create(tensorBoard) : null;

        var files = File.Exists(_path) ? [_path] : Directory.Exists(_path) ? Candidates() : [];
        ILogReader? found = null;
        using var listing = files.GetEnumerator();
        while (Next(listing) is { } file)
        {
            ILogReader? reader;
            try
            {
                reader = _reader.Detect(file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                continue;
            }

            if (reader == TensorBoardReader.Default) return Create(tensorBoard: true);

            found ??= reader;
        }

        return found is null ? null : Create(tensorBoard: false);
    }

    /// <summary>The next file listed, or null at the end or when the folder changed under the listing (tried again next look).</summary>
    private static string? Next(IEnumerator<string> listing)
    {
        try
        {
            return listing.MoveNext() ? listing.Current : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private ILogFollower Create(bool tensorBoard) =>
        tensorBoard ? new TensorBoardFollower(_path, _options) : new AppendedLogFollower(_path, _options, _reader);

    private IEnumerable<string> Candidates()
    {
        return LogFolder.Files(_path).Where(f => SpecialFile.Kind(f) is null).Take(_options.MaxFiles);
    }
}
