namespace EpochLens.Cli;

/// <summary>
/// Shows how many points a read holds so far on the status line of analyze and inspect, so a long read (a huge
/// or gzipped log) is seen to move; the status line exists only when standard error is a terminal.
/// </summary>
internal sealed class ReadStatus(string path) : IProgress<long>
{
    private const long RefreshMilliseconds = 250;

    private Action<string>? _show;
    private long _shownAt;

    /// <summary>Where the text goes from now on (the status line's setter).</summary>
    public void ShowWith(Action<string> show) => _show = show;

    public void Report(long value)
    {
        // Reported from the reading threads: a redraw four times a second is plenty, and a lost race only skips one.
        long now = Environment.TickCount64;
        if (_show is not { } show || now - Interlocked.Read(ref _shownAt) < RefreshMilliseconds) return;

        Interlocked.Exchange(ref _shownAt, now);
        show($"Reading {path} ... {value:N0} points so far");
    }
}
