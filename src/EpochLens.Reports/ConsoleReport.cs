using EpochLens.Reports.Text;
using Spectre.Console;
using static EpochLens.Reports.Text.ConsoleText;

namespace EpochLens.Reports;

/// <summary>
/// The verdict in the terminal: the answer first, then each finding with its confidence, evidence, harm and fix,
/// then what was ruled out. Everything from the log goes through <see cref="ConsoleText.Safe"/>; colour only
/// marks what the words already say, so the text reads the same without it (NO_COLOR, redirected output).
/// </summary>
public static class ConsoleReport
{
    /// <param name="console">Where to write.</param>
    /// <param name="run">The diagnosis.</param>
    /// <param name="details">Also list every measurement and the reasons each other cause was ruled out.</param>
    public static void Render(IAnsiConsole console, RunDiagnosis run, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(run);
        string colour = run.Outcome switch
        {
            DiagnosisOutcome.Findings => "yellow",
            DiagnosisOutcome.NoStructure => "green",
            _ => "grey",
        };
        console.WriteLine();
        console.MarkupLine($"[bold {colour}]Verdict:[/] {Safe(run.Verdict)}");
        string nonFinite = run.NonFinitePoints > 0 ? $", {ReportText.Count(run.NonFinitePoints)} not finite" : "";
        Indented(console, $"[grey]{Safe(run.Source)} ({Safe(run.Format)}), series[/] {Safe(run.Metric)}[grey]: {ReportText.Count(run.Points)} points{nonFinite}[/]", 2);
        Indented(console, $"[grey]Epochs:[/] {Safe(run.Epochs.Explanation)}", 2);
        foreach (var candidate in run.Epochs.Candidates.Take(3))
        {
            string note = candidate.Note.Length > 0 ? $" ({candidate.Note})" : "";
            Indented(console, Safe($"candidate {ReportText.Number(candidate.StepsPerEpoch, "0.##")} steps: score {ReportText.Number(candidate.Score, "0.###")}, {ReportText.P(candidate.PValue)}{note}"), 4);
        }

        var findings = ReportText.CauseFindings(run).ToList();
        if (findings.Count > 0)
        {
            // The simple border's empty top line already separates the table from the text above.
            var table = new Table().Border(TableBorder.Simple)
                .AddColumn("cause").AddColumn("confidence").AddColumn("severity").AddColumn("impact");
            foreach (var f in findings)
                table.AddRow(Safe(f.Cause.ToId()), Safe(ReportText.Confidence(f.Confidence)), ReportText.Severity(f.Severity.Level), ReportText.Impact(f.Severity.Impact));

            console.Write(table);
            foreach (var f in findings) RenderFinding(console, f, details);
        }

        if (run.SpikeCount > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Spikes off the epoch pattern:[/] {ReportText.Count(run.SpikeCount)} point(s) more than {ReportText.Number(SpikeScan.Threshold)} robust SD from the trend; strongest:");
            foreach (var spike in run.Spikes.Take(5))
                console.MarkupLine(Safe($"  step {spike.Step}: {ReportText.Number(spike.Value, "G5")} ({ReportText.Number(spike.RobustZ, "+0.0;-0.0")} SD){(spike.AtBoundary ? " at an epoch boundary" : "")}"));
        }

        if (details)
        {
            RenderDetails(console, run);
        }
        else if (run.RuledOut.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine($"[bold]Ruled out or not testable:[/] {Safe(string.Join(", ", run.RuledOut.Select(r => r.Cause.ToId())))} (--details gives the reasons and every measurement).");
        }

        foreach (var note in run.Notes) console.MarkupLine($"[grey]Note: {Safe(note)}[/]");
    }

    private static void RenderFinding(IAnsiConsole console, Finding f, bool details)
    {
        console.WriteLine();
        string level = ReportText.Kebab(f.Confidence.Level.ToString());
        console.MarkupLine($"[bold]{Safe(f.Cause.ToId())}[/]: {level} confidence ({Safe(ReportText.P(f.Confidence.PValue))}), severity {ReportText.Severity(f.Severity.Level)}");
        Indented(console, Safe(f.Summary), 2);
        if (details) Indented(console, $"[grey]Confidence basis: {Safe(f.Confidence.Basis)}[/]", 2);

        foreach (var e in f.Evidence)
            Indented(console, "+ " + Safe($"{e.Statement}{(e.PValue is { } p ? $" ({ReportText.P(p)})" : "")}"), 2);

        foreach (var c in f.CounterEvidence) Indented(console, Safe($"vs {c.Rival.ToId()}: {c.Statement}"), 2);

        Indented(console, $"[bold]How bad:[/] {Safe(f.Severity.Statement)}", 2);
        Indented(console, $"[bold]Fix:[/] {Safe(f.Fix)}", 2);
    }

    private static void RenderDetails(IAnsiConsole console, RunDiagnosis run)
    {
        if (run.RuledOut.Count > 0)
        {
            console.WriteLine();
            console.MarkupLine("[bold]Ruled out or not testable:[/]");
            foreach (var r in run.RuledOut) console.MarkupLine(Safe($"  {r.Cause.ToId()}: {r.Reason}"));
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
                    Safe(m.Title),
                    ReportText.Number(m.Value),
                    Safe(m.Unit),
                    ReportText.Number(m.Expected, "G3"),
                    m.PValue is { } p ? Safe(ReportText.P(p)) : "-",
                    ReportText.Count(m.SampleSize));
            }

            console.Write(table);
        }
    }

    /// <summary>A paragraph whose wrapped lines keep the indent, so a narrow terminal still shows the structure.</summary>
    private static void Indented(IAnsiConsole console, string markup, int indent) =>
        console.Write(new Padder(new Markup(markup), new Padding(indent, 0, 0, 0)) { Expand = false });

    /// <summary>A p-value as people read it: "p = 0.003", "p &lt; 1e-12".</summary>
    public static string P(double p) => ReportText.P(p);
}
