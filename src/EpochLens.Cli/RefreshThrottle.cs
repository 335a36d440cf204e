using System.Diagnostics;

namespace EpochLens.Cli;

/// <summary>
/// Redraws a progress display from the thread that reports progress, at most ten times a second: with Spectre's
/// automatic refresh off, no other thread allocates while TorchSharp trains (see TrainCommand for why that matters).
/// </summary>
internal sealed class RefreshThrottle(ProgressContext context)
{
    private static readonly long Interval = Stopwatch.Frequency / 10;
    private readonly Lock _gate = new();
    private long _last; // a timestamp: the first refresh is always due

    /// <summary>
    /// Shows a progress display (bar, percentage, time left, spinner) that only a throttle redraws:
    /// <paramref name="work"/> adds its tasks to the context and refreshes through the throttle from the thread that reports.
    /// </summary>
    public static void Show(IAnsiConsole console, Action<ProgressContext, RefreshThrottle> work) =>
        console.Progress()
            .AutoClear(false)
            .AutoRefresh(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context => work(context, new RefreshThrottle(context)));

    /// <param name="force">Redraw now whatever the time since the last (a phase change, the end).</param>
    public void Refresh(bool force = false)
    {
        lock (_gate)
        {
            long now = Stopwatch.GetTimestamp();
            if (force || now - _last >= Interval)
            {
                _last = now;
                context.Refresh();
            }
        }
    }
}
