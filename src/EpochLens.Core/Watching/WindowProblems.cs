namespace EpochLens.Watching;

/// <summary>
/// Holds the problems a windowed read met until the window is known to have been read as the file would be, then
/// passes them on with the file's own name and positions: problems in the lines read before were reported then.
/// A window that is given up for a whole read drops its problems; the whole read reports its own.
/// </summary>
internal sealed partial class WindowProblems : IProblemSink
{
    private readonly Dictionary<string, (string File, WindowCopy Copy)> _windows = new(StringComparer.Ordinal);
    private readonly List<ReadProblem> _held = [];

    /// <summary>Problems in <paramref name="window"/> are about <paramref name="file"/>, cut as <paramref name="copy"/> says.</summary>
    public void Add(string window, string file, WindowCopy copy) => _windows[window] = (file, copy);

    /// <summary>The file a window was cut from, or the path itself when it is no window.</summary>
    public string FileOf(string path) => _windows.TryGetValue(path, out var window) ? window.File : path;

    public void Report(ReadProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        lock (_held)
        {
            _held.Add(problem);
        }
    }

    /// <summary>Passes the problems held on to <paramref name="sink"/>, as the file's.</summary>
    public void Release(IProblemSink sink)
    {
        foreach (var problem in _held)
        {
            if (Mapped(problem) is { } mapped) sink.Report(mapped);
        }

        _held.Clear();
    }

    private ReadProblem? Mapped(ReadProblem problem)
    {
        if (!_windows.TryGetValue(problem.File, out var window)) return problem;

        var copy = window.Copy;
        var line = LineNumber().Match(problem.Location);
        if (line.Success && long.Parse(line.Groups[1].ValueSpan, CultureInfo.InvariantCulture) is long number && number <= copy.LinesReadBefore)
            return null;

        string location = LineNumber().Replace(problem.Location, m => $"line {copy.FileLine(long.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture))}");
        location = ByteOffset().Replace(location, m => $"byte {copy.FileByte(long.Parse(m.Groups[1].ValueSpan, CultureInfo.InvariantCulture))}");
        return problem with { File = window.File, Location = location, Message = problem.Message.Replace(problem.File, window.File, StringComparison.Ordinal) };
    }

    [GeneratedRegex(@"\bline (\d+)")]
    private static partial Regex LineNumber();

    [GeneratedRegex(@"\bbyte (\d+)")]
    private static partial Regex ByteOffset();
}
