using System.Diagnostics;

namespace EpochLens.Cli;

/// <summary>
/// Shows a sweep's progress on standard error: a progress bar on a terminal; when redirected, a plain line at each
/// tenth of the runs, so a batch job's log says how far it got without filling up with redraws.
/// </summary>
internal static class SweepProgressDisplay
{
    /// <param name="work">Does the sweep, calling the action it is given once per finished run, from any thread.</param>
    public static T Run<T>(IAnsiConsole console, int runs, Func<Action, T> work)
    {
        if (runs == 0) return work(() => { });

        if (console.Profile.Capabilities.Interactive)
        {
            return console.Progress().AutoClear(true)
                .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                .Start(context =>
                {
                    var task = context.AddTask(string.Create(CultureInfo.InvariantCulture, $"Analysing {runs:N0} runs"), maxValue: runs);
                    return work(() => task.Increment(1));
                });
        }

        var clock = Stopwatch.StartNew();
        var gate = new Lock();
        int done = 0;
        // Counted under the lock that writes, so the lines come in order and the last says all runs are done (counted
        // outside it, a thread that counted 4 could write after the one that counted 40). A lock per run costs nothing
        // beside a run's diagnosis.
        return work(() =>
        {
            lock (gate)
            {
                int now = ++done;
                if (now * 10L / runs == (now - 1) * 10L / runs && now != runs) return;

                console.Profile.Out.Writer.WriteLine(ConsoleText.Plain(string.Create(CultureInfo.InvariantCulture,
                    $"analysed {now:N0} of {runs:N0} runs ({clock.Elapsed.TotalSeconds:F1} s)")));
            }
        });
    }
}
