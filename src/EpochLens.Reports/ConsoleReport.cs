using System.Globalization;
using EpochLens.Analysis;
using EpochLens.Diagnosis;
using Spectre.Console;

namespace EpochLens.Reports;

/// <summary>The verdict in the terminal: the answer first, then the evidence, the rivals, the harm and the fix.</summary>
public static class ConsoleReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <param name="console">Where to write.</param>
    /// <param name="run">The diagnosis.</param>
    /// <param name="details">Also list every measurement and the reasons each other cause was ruled out.</param>
    public static void Render(IAnsiConsole console, RunDiagnosis run, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        console.WriteLine();
        console.Write(new Rule(Markup.Escape($"{run.Source} ({run.Format})")).LeftJustified());
        console.MarkupLineInterpolated($"Series [bold]{run.Metric}[/]: {run.Points.ToString("N0", Invariant)} points{(run.NonFinitePoints > 0 ? $", {run.NonFinitePoints.ToString("N0", Invariant)} not finite" : "")}");
        console.MarkupLineInterpolated($"Epochs: {run.Epochs.Explanation}");
        foreach (var candidate in run.Epochs.Candidates.Take(3))
        {
            console.MarkupLineInterpolated($"  candidate {candidate.StepsPerEpoch.ToString("0.##", Invariant)} steps: score {candidate.Score.ToString("0.###", Invariant)}, {P(candidate.PValue)}{(candidate.Note.Length > 0 ? $" ({candidate.Note})" : "")}");
        }

        console.WriteLine();
        string colour = run.Outcome switch
        {
            DiagnosisOutcome.Findings => "yellow",
            DiagnosisOutcome.NoStructure => "green",
            _ => "grey",
        };
        console.MarkupLine($"[bold {colour}]Verdict:[/] {Markup.Escape(run.Verdict)}");
        if (run.Findings.Count > 0 && run.Outcome != DiagnosisOutcome.CannotTell)
        {
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("cause").AddColumn("confidence").AddColumn("severity").AddColumn("impact");
            foreach (var f in run.Findings)
            {
                table.AddRow(
                    Markup.Escape(f.Cause.ToId()),
                    Markup.Escape($"{f.Confidence.Level.ToString().ToLowerInvariant()} ({P(f.Confidence.PValue)})"),
                    f.Severity.Level.ToString().ToLowerInvariant(),
                    JsonReport.Kebab(f.Severity.Impact.ToString()));
            }

            console.Write(table);
            foreach (var f in run.Findings.Where(f => f.Cause != CauseId.None))
            {
                RenderFinding(console, f);
            }
        }

        if (run.SpikeCount > 0)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"[bold]Spikes off the epoch pattern:[/] {run.SpikeCount.ToString("N0", Invariant)} point(s) more than {SpikeScan.Threshold.ToString(Invariant)} robust SD from the trend; strongest:");
            foreach (var spike in run.Spikes.Take(5))
            {
                console.MarkupLineInterpolated($"  step {spike.Step.ToString(Invariant)}: {spike.Value.ToString("G5", Invariant)} ({spike.RobustZ.ToString("+0.0;-0.0", Invariant)} SD){(spike.AtBoundary ? " at an epoch boundary" : "")}");
            }
        }

        if (details)
        {
            RenderDetails(console, run);
        }
        else if (run.RuledOut.Count > 0)
        {
            console.WriteLine();
            console.MarkupLineInterpolated($"Ruled out or not testable: {string.Join(", ", run.RuledOut.Select(r => r.Cause.ToId()))} (--details gives the reasons and every measurement).");
        }

        foreach (var note in run.Notes)
        {
            console.MarkupLineInterpolated($"[grey]Note: {note}[/]");
        }
    }

    private static void RenderFinding(IAnsiConsole console, Finding f)
    {
        console.WriteLine();
        console.MarkupLine($"[bold]{Markup.Escape(f.Cause.ToId())}[/] - {Markup.Escape(f.Summary)}");
        foreach (var e in f.Evidence)
        {
            console.MarkupLineInterpolated($"  + {e.Statement}{(e.PValue is { } p ? $" ({P(p)})" : "")}");
        }

        foreach (var c in f.CounterEvidence)
        {
            console.MarkupLineInterpolated($"  vs {c.Rival.ToId()}: {c.Statement}");
        }

        console.MarkupLineInterpolated($"  How bad: {f.Severity.Statement}");
        console.MarkupLineInterpolated($"  Fix: {f.Fix}");
    }

    private static void RenderDetails(IAnsiConsole console, RunDiagnosis run)
    {
        if (run.RuledOut.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Ruled out or not testable:[/]");
            foreach (var r in run.RuledOut)
            {
                console.MarkupLineInterpolated($"  {r.Cause.ToId()}: {r.Reason}");
            }
        }

        if (run.Measurements.Count > 0)
        {
            console.WriteLine();
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("measurement").AddColumn(new TableColumn("value").RightAligned()).AddColumn("unit")
                .AddColumn(new TableColumn("without structure").RightAligned()).AddColumn(new TableColumn("p").RightAligned()).AddColumn(new TableColumn("n").RightAligned());
            foreach (var m in run.Measurements)
            {
                table.AddRow(
                    Markup.Escape(m.Title),
                    m.Value.ToString("G4", Invariant),
                    Markup.Escape(m.Unit),
                    m.Expected is { } e ? e.ToString("G3", Invariant) : "-",
                    m.PValue is { } p ? P(p) : "-",
                    m.SampleSize.ToString(Invariant));
            }

            console.Write(table);
        }
    }

    /// <summary>A p-value as people read it: "p = 0.003", "p < 1e-12".</summary>
    public static string P(double p) => p switch
    {
        < 1e-12 => "p < 1e-12",
        < 0.001 => "p = " + p.ToString("0.0e0", Invariant),
        _ => "p = " + p.ToString("0.###", Invariant),
    };
}
