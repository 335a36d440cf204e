using EpochLens.Reports.Text;
using static EpochLens.Reports.Text.MarkdownText;

namespace EpochLens.Reports;

/// <summary>
/// A short Markdown summary to paste into an issue or a pull request: the verdict, a table of findings, each
/// finding's evidence, harm and fix, and what was ruled out (folded away). Every text is escaped, so a tag
/// or file name from the log renders as the characters it holds.
/// </summary>
public static class MarkdownReport
{
    public static string Render(IReadOnlyList<RunDiagnosis> runs, string toolVersion) => Render(runs, toolVersion, null);

    /// <param name="sweep">A sweep's summary to open with (its runs are <paramref name="runs"/>), or null for single logs.</param>
    public static string Render(IReadOnlyList<RunDiagnosis> runs, string toolVersion, Sweeps.SweepReport? sweep)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var md = new System.Text.StringBuilder();
        if (sweep is not null) RenderSummary(md, sweep);

        foreach (var run in runs) RenderRun(md, run);

        md.Append("<sub>EpochLens ").Append(Escape(toolVersion)).Append(", JSON schema ").Append(RunDiagnosis.SchemaVersion).Append("</sub>\n");
        return md.ToString();
    }

    private static void RenderSummary(System.Text.StringBuilder md, Sweeps.SweepReport sweep)
    {
        md.Append("### EpochLens: a sweep\n\n").Append(Escape(Sweeps.SweepRow.Headline(sweep))).Append("\n\n");
        md.Append("| # | run | format | points | epoch | cause | confidence | severity | impact |\n|---|---|---|---|---|---|---|---|---|\n");
        for (int i = 0; i < sweep.Runs.Count; i++)
        {
            var r = Sweeps.SweepRow.Of(sweep.Runs[i], sweep);
            md.Append("| ").Append(i + 1).Append(" | ").Append(Escape(r.Run)).Append(" | ").Append(Escape(r.Format)).Append(" | ").Append(r.Points)
                .Append(" | ").Append(Escape(r.Epochs)).Append(" | ").Append(Escape(r.Cause)).Append(" | ").Append(Escape(r.Confidence))
                .Append(" | ").Append(r.Severity).Append(" | ").Append(r.Impact).Append(" |\n");
        }

        md.Append('\n');
        foreach (var s in sweep.Skipped)
            md.Append("- skipped ").Append(Escape(s.Source)).Append(": ").Append(Escape(s.Reason)).Append('\n');

        if (sweep.Skipped.Count > 0) md.Append('\n');
    }

    private static void RenderRun(System.Text.StringBuilder md, RunDiagnosis run)
    {
        md.Append("### EpochLens: ").Append(Escape(run.Metric)).Append(" in ").Append(Escape(run.Source)).Append("\n\n");
        md.Append("**Verdict:** ").Append(Escape(run.Verdict)).Append("\n\n");
        string nonFinite = run.NonFinitePoints > 0 ? $", {ReportText.Count(run.NonFinitePoints)} not finite" : "";
        md.Append("Read as ").Append(Escape(run.Format)).Append(", ").Append(ReportText.Count(run.Points)).Append(" points").Append(nonFinite)
            .Append(". Epochs: ").Append(Escape(run.Epochs.Explanation)).Append("\n\n");
        var findings = ReportText.CauseFindings(run).ToList();
        if (findings.Count > 0)
        {
            md.Append("| cause | confidence | severity | impact |\n|---|---|---|---|\n");
            foreach (var f in findings)
            {
                md.Append("| ").Append(Escape(f.Cause.ToId())).Append(" | ").Append(Escape(ReportText.Confidence(f.Confidence)))
                    .Append(" | ").Append(ReportText.Severity(f.Severity.Level)).Append(" | ").Append(ReportText.Impact(f.Severity.Impact)).Append(" |\n");
            }

            md.Append('\n');
            foreach (var f in findings)
            {
                md.Append("#### ").Append(Escape(f.Cause.ToId())).Append(": ").Append(Escape(f.Summary)).Append("\n\n");
                foreach (var e in f.Evidence)
                    md.Append("- ").Append(Escape(e.Statement)).Append(e.PValue is { } p ? $" ({Escape(ReportText.P(p))})" : "").Append('\n');

                foreach (var c in f.CounterEvidence)
                    md.Append("- *not ").Append(Escape(c.Rival.ToId())).Append(":* ").Append(Escape(c.Statement)).Append('\n');

                md.Append("\n**How bad:** ").Append(Escape(f.Severity.Statement)).Append("\n\n");
                md.Append("**Fix:** ").Append(Escape(f.Fix)).Append("\n\n");
            }
        }

        if (run.SpikeCount > 0)
            md.Append(ReportText.Count(run.SpikeCount)).Append(" isolated spike(s) off the trend, apart from the epoch pattern.\n\n");

        if (run.RuledOut.Count > 0)
        {
            md.Append("<details><summary>Ruled out or not testable (").Append(run.RuledOut.Count).Append(")</summary>\n\n");
            foreach (var r in run.RuledOut)
                md.Append("- ").Append(Escape(r.Cause.ToId())).Append(": ").Append(Escape(r.Reason)).Append('\n');

            md.Append("\n</details>\n\n");
        }

        foreach (var note in run.Notes) md.Append("> ").Append(Escape(note)).Append("\n\n");
    }
}
