using EpochLens.Torch.Experiments;
using EpochLens.Torch.Training;

namespace EpochLens.Cli.Commands.Verify;

/// <summary>verify's console output: the plan and budget before training, then per cause the verdict, the two sides, the test and the cost.</summary>
internal static class VerifyConsoleReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void RenderPlan(IAnsiConsole console, VerificationPlan plan)
    {
        var o = plan.Run.Options;
        console.MarkupLine(ConsoleText.Markup($"Run {plan.Run.Folder}: {Setup(o)}."));
        foreach (var cause in plan.Causes)
        {
            if (cause.Plan is { CanRun: true } p)
            {
                long steps = (long)p.WithFactor!.Options.StepsPerEpoch * cause.Budget.Epochs;
                console.MarkupLine(ConsoleText.Markup($"[bold]{cause.Cause.ToId()}[/]: {(p.OriginalHasFactor ? "switch it off" : "the run lacks it; switch it on")}: {p.Change}."));
                console.MarkupLine(ConsoleText.Markup($"  Budget: {cause.Budget.Epochs} epochs x {cause.Budget.SamplesPerEpoch} samples = {steps.ToString(Invariant)} steps per run; why: {cause.Budget.Reason}."));
            }
            else
            {
                console.MarkupLine(ConsoleText.Markup($"[bold]{cause.Cause.ToId()}[/]: no experiment ({cause.Plan?.NoExperimentBecause ?? "the harness cannot switch it"})."));
            }
        }

        if (plan.Runs.Count == 0)
        {
            console.MarkupLine("Nothing to train: the run's own telemetry holds both sides.");
            return;
        }

        long total = plan.Runs.Sum(r => (long)r.Options.StepsPerEpoch * r.Options.Epochs);
        string reuse = plan.ReusesOriginal ? "; the run's own telemetry stands for the original side" : "";
        console.MarkupLine(ConsoleText.Markup($"Training {plan.Runs.Count} run(s), {total.ToString(Invariant)} steps in all, {plan.Parallelism} at a time ({plan.ParallelismReason}; one process and one libtorch thread each){reuse}."));
    }

    public static void Render(IAnsiConsole console, VerificationReport report)
    {
        foreach (var c in report.Causes)
        {
            console.WriteLine();
            string colour = c.Verdict switch
            {
                VerifyVerdict.Confirmed => "yellow",
                VerifyVerdict.Refuted => "green",
                _ => "grey",
            };
            ConsoleHeading.Write(console, ConsoleText.Safe(c.Cause.ToId()));
            console.MarkupLine($"[bold {colour}]{ConsoleText.Safe(c.Verdict.ToString().ToUpperInvariant())}[/]: {ConsoleText.Safe(c.Reason)}.");
            console.MarkupLine(ConsoleText.Markup($"Factor: {c.Factor}. Experiment: {c.Change}."));
            if (c.WithFactor is { } with && c.WithoutFactor is { } without && c.Signature is { } signature)
            {
                // Fits 80 columns: one space between columns, the series only when the two sides read different ones.
                bool series = with.Metric != without.Metric;
                static TableColumn Column(string header, bool right = false)
                {
                    var column = new TableColumn(header).Padding(0, 0, 1, 0).NoWrap();
                    return right ? column.RightAligned() : column;
                }

                var table = new Table().Border(TableBorder.Simple).AddColumn(Column("side")).AddColumn(Column("run"));
                if (series) table.AddColumn(Column("series"));

                table.AddColumn(Column("value", right: true)).AddColumn(Column("p", right: true)).AddColumn(Column("diagnosis"))
                    .AddColumn(Column("held-out", right: true)).AddColumn(Column("acc.", right: true));
                foreach (var arm in new[] { with, without })
                {
                    var cells = new List<string>
                    {
                        arm.WithFactor ? "with" : "without",
                        ConsoleText.Safe(arm.ReusedOriginalTelemetry ? "recorded" : arm.Label),
                    };
                    if (series) cells.Add(ConsoleText.Safe(arm.Metric));

                    cells.AddRange(
                    [
                        arm.Signature is { } m ? m.Value.ToString("0.###", Invariant) : "-",
                        ConsoleText.Safe(VerdictRules.P(arm.Signature?.PValue)),
                        ConsoleText.Safe(arm.Diagnosis.Primary?.Cause.ToId() ?? arm.Diagnosis.Outcome.ToString()),
                        arm.HeldOutLoss.ToString("F4", Invariant),
                        arm.HeldOutAccuracy.ToString("P1", Invariant),
                    ]);
                    table.AddRow([.. cells]);
                }

                console.MarkupLine(ConsoleText.Markup($"Signature: {signature.MeasurementId} (the diagnosis engine's measurement), because {signature.Why}."));
                console.Write(table);
                if (c.Comparison is { } cmp)
                    console.MarkupLine(ConsoleText.Markup($"Two-sample test: difference {cmp.Difference.ToString("0.###", Invariant)} (spread {cmp.NullSd.ToString("0.###", Invariant)} with the boundary moved), {VerdictRules.P(cmp.PValue)}: {cmp.Method}."));
            }

            console.MarkupLine(ConsoleText.Markup($"[bold]How bad:[/] {c.HowBadStatement}"));
        }

        if (report.Runs.Count > 0)
        {
            console.WriteLine();
            double steps = report.Runs.Sum(r => (double)r.Steps);
            console.MarkupLine(ConsoleText.Markup($"Trained {report.Runs.Count} run(s), {steps.ToString("0", Invariant)} steps, in {report.TrainingWallTime.TotalSeconds.ToString("0.0", Invariant)} s, {report.Parallelism} at a time ({(steps / report.TrainingWallTime.TotalSeconds).ToString("0", Invariant)} steps/s together)."));
        }
    }

    /// <summary>The set-up in a clause.</summary>
    public static string Setup(TrainOptions o)
    {
        var switches = o.Causes.Describe();
        string causes = switches.Count == 0 ? "no cause switches" : string.Join(", ", switches.Select(kv => kv.Value == "true" ? kv.Key : $"{kv.Key} {kv.Value}"));
        return string.Create(Invariant, $"{o.Epochs} epochs x {o.EffectiveSamplesPerEpoch} samples, batch size {o.BatchSize}, Adam lr {o.LearningRate:g}, seed {o.Seed}, {causes}");
    }
}
