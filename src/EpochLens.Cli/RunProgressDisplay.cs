using System.Globalization;
using EpochLens.Torch.Experiments;
using Spectre.Console;

namespace EpochLens.Cli;

/// <summary>
/// Shows runs trained side by side: a Spectre progress display with one task per run on a terminal, plain
/// lines (a start and an end per epoch) when the output is redirected, nothing when quiet.
/// </summary>
internal static class RunProgressDisplay
{
    public static T Run<T>(IAnsiConsole console, IReadOnlyList<(string Label, long Steps)> runs, bool quiet, Func<IProgress<RunProgress>?, T> work)
    {
        if (quiet || runs.Count == 0)
        {
            return work(null);
        }

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
                    if (p.Phase == "evaluating" && p.Epoch > lastEpoch[r.Index])
                    {
                        lastEpoch[r.Index] = p.Epoch;
                        console.Profile.Out.Writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {r.Label}: epoch {p.Epoch + 1} trained, {p.Step}/{p.TotalSteps} steps, {p.StepsPerSecond:F0} steps/s"));
                    }
                }
            }));
        }

        T result = default!;
        console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var tasks = runs.Select(r => context.AddTask(Markup.Escape(r.Label), maxValue: Math.Max(1, r.Steps))).ToArray();
                result = work(new SynchronousProgress<RunProgress>(r =>
                {
                    var p = r.Progress;
                    var task = tasks[r.Index];
                    task.Value = p.Step;
                    task.Description = p.Phase == "training"
                        ? string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(r.Label)} · epoch {p.Epoch + 1} · {p.StepsPerSecond:F0} steps/s")
                        : string.Create(CultureInfo.InvariantCulture, $"{Markup.Escape(r.Label)} · {p.Phase}");
                }));
            });
        return result;
    }
}
