namespace EpochLens.Watching;

/// <summary>
/// Waits for a watched path to change at near-zero cost: file-system notifications where they work, with a slow
/// safety poll behind them (notifications are lost on network and some container file systems); polling alone
/// where they do not, or when asked. Either way the wait doubles while nothing changes, up to
/// <see cref="MaxBackOff"/> times the interval, and drops back to the interval when something does.
/// </summary>
public sealed class ChangeSignal : IDisposable
{
    /// <summary>How far the wait backs off while the run is quiet, in intervals.</summary>
    public const int MaxBackOff = 16;

    private readonly string _path;
    private readonly TimeSpan _interval;
    private readonly bool _pollOnly;
    private readonly SemaphoreSlim _changed = new(0, 1);
    private FileSystemWatcher? _watcher;
    private bool _watchesFolder;
    private int _backOff = 1;

    /// <param name="path">The file or folder watched; it may not exist yet.</param>
    /// <param name="interval">The shortest wait, and the polling period while the run writes.</param>
    /// <param name="pollOnly">Poll even where notifications work.</param>
    public ChangeSignal(string path, TimeSpan interval, bool pollOnly)
    {
        _path = path;
        _interval = interval;
        _pollOnly = pollOnly;
        TryWatch();
    }

    /// <summary>Whether file-system notifications are in use (else the path is polled).</summary>
    public bool Notifies => _watcher is not null;

    /// <summary>Why notifications are not in use, when they were tried and failed; null otherwise.</summary>
    public string? NotificationProblem { get; private set; }

    /// <summary>
    /// Waits until a change is notified or the current wait has passed; false when <paramref name="cancel"/> fired.
    /// <paramref name="active"/> says whether the last poll read something, which resets the back-off;
    /// <paramref name="atMost"/> bounds the wait (a deadline of the caller's, such as the end of an idle period).
    /// </summary>
    public bool Wait(bool active, CancellationToken cancel, TimeSpan? atMost = null)
    {
        _backOff = active ? 1 : Math.Min(MaxBackOff, _backOff * 2);
        if (_watcher is not null && !_watchesFolder && Directory.Exists(_path))
        {
            // The folder has appeared where its parent was watched for it: watch inside it now.
            _watcher.Dispose();
            _watcher = null;
        }

        if (_watcher is null && !_pollOnly) TryWatch();

        // With notifications the timed wait is only a safety net: it can be the longest one at once.
        var wait = _interval * (_watcher is null ? _backOff : MaxBackOff);
        if (atMost is { } bound && bound < wait) wait = bound < TimeSpan.Zero ? TimeSpan.Zero : bound;

        try
        {
            // Writes come in bursts: after a notification, one look an interval later takes the whole burst.
            return !_changed.Wait(wait, cancel) || !cancel.WaitHandle.WaitOne(_interval);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        _watcher?.Dispose();
        _changed.Dispose();
    }

    private void TryWatch()
    {
        if (_pollOnly) return;

        bool isFolder = Directory.Exists(_path);
        string? folder = isFolder ? _path : Path.GetDirectoryName(Path.GetFullPath(_path));
        if (folder is null || !Directory.Exists(folder))
        {
            // Not there yet: polled until it is, then watched.
            return;
        }

        try
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = isFolder,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.Size | NotifyFilters.LastWrite,
            };
            if (!isFolder) watcher.Filter = Path.GetFileName(_path);

            watcher.Changed += (_, _) => Signal();
            watcher.Created += (_, _) => Signal();
            watcher.Renamed += (_, _) => Signal();
            watcher.Deleted += (_, _) => Signal();
            watcher.Error += (_, e) => Fail(e.GetException().Message);
            watcher.EnableRaisingEvents = true;
            _watcher = watcher;
            _watchesFolder = isFolder;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or PlatformNotSupportedException)
        {
            // inotify's watch limit reached, an unsupported file system: polling still works.
            NotificationProblem = e.Message;
        }
    }

    private void Signal()
    {
        try
        {
            if (_changed.CurrentCount == 0) _changed.Release();
        }
        catch (Exception e) when (e is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or watching has ended.
        }
    }

    /// <summary>Notifications broke (an overflowing event queue, a removed folder): fall back to polling.</summary>
    private void Fail(string reason)
    {
        NotificationProblem = reason;
        var watcher = _watcher;
        _watcher = null;
        watcher?.Dispose();
        Signal();
    }
}
