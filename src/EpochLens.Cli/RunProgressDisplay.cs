using EpochLens.Torch.Experiments;

namespace EpochLens.Cli;

/// <summary>
/// Shows runs trained side by side: a Spectre progress display with one task per run on a terminal, plain
/// lines (one per epoch trained and one at the end) when the output is redirected, nothing when quiet. Callers pass
/// standard error: progress is no part of the requested output.
/// </summary>
internal static class RunProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, IReadOnlyList<(string Label, long Steps)> runs, bool quiet, Func<IProgress<RunProgress>?, T> work)
    {
        if (quiet || runs.Count == 0) return work(null);

        if (!console.Profile.Capabilities.Interactive)
        {
            var gate = new Lock();
            var lastEpoch = new int[runs.Count];
            Array.Fill(lastEpoch, -1);
            return work(new SynchronousProgress<RunProgress>(r =>
            {
                lock (gate)
                {
                    var p = r.Progress;
                    if (p.Phase == "done")
                    {
                        console.Profile.Out.Writer.WriteLine(ConsoleText.Plain(string.Create(CultureInfo.InvariantCulture, $"  {r.Label}: done, {p.Step} steps, {p.StepsPerSecond:F0} steps/s")));
                    }
                    else if (p.Epoch > lastEpoch[r.Index])
                    {
                        // A report from a new epoch means the one before it is trained.
                        if (lastEpoch[r.Index] >= 0)
                            console.Profile.Out.Writer.WriteLine(ConsoleText.Plain(string.Create(CultureInfo.InvariantCulture, $"  {r.Label}: epoch {lastEpoch[r.Index] + 1} trained, {p.Step}/{p.TotalSteps} steps, {p.StepsPerSecond:F0} steps/s")));

                        lastEpoch[r.Index] = p.Epoch;
                    }
                }
            }));
        }

        T result = default!;
        // Drawn from the threads that report, not Spectre's refresh thread (see TrainCommand: a demo trains in this process).
        RefreshThrottle.Show(console, (context, throttle) =>
        {
            var tasks = runs.Select(r => context.AddTask(ConsoleText.Safe(r.Label), maxValue: Math.Max(1, r.Steps))).ToArray();
            result = work(new SynchronousProgress<RunProgress>(r =>
            {
                var p = r.Progress;
                var task = tasks[r.Index];
                task.Value = p.Step;
                task.Description = p.Phase == "training"
                    ? string.Create(CultureInfo.InvariantCulture, $"{ConsoleText.Safe(r.Label)} · epoch {p.Epoch + 1} · {p.StepsPerSecond:F0} steps/s")
                    : string.Create(CultureInfo.InvariantCulture, $"{ConsoleText.Safe(r.Label)} · {p.Phase}");
                throttle.Refresh(p.Phase != "training");
            }));
            throttle.Refresh(force: true);
        });
        return result;
    }
}
