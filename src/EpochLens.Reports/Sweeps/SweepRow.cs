using EpochLens.Reports.Text;

namespace EpochLens.Reports.Sweeps;

/// <summary>One run's line in a sweep's summary, as text: the same cells in the console, the HTML table and Markdown.</summary>
public sealed record SweepRow(string Run, string Format, string Points, string Epochs, string Cause, string Confidence, string Severity, string Impact)
{
    /// <param name="sweep">The sweep the run is in: its folder is left out of the run's name.</param>
    public static SweepRow Of(RunDiagnosis run, SweepReport sweep)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(sweep);
        var worst = SweepOrder.Worst(run);
        int others = ReportText.CauseFindings(run).Count() - 1;
        string cause = run.Outcome switch
        {
            DiagnosisOutcome.CannotTell => "cannot tell",
            _ when worst is null => "none",
            _ => others > 0 ? $"{worst.Cause.ToId()} +{others}" : worst.Cause.ToId(),
        };
        return new SweepRow(
            sweep.Inside(run.Source),
            run.Format,
            ReportText.Count(run.Points),
            EpochsCell(run.Epochs),
            cause,
            worst is null ? "-" : ReportText.Kebab(worst.Confidence.Level.ToString()),
            worst is null ? "none" : ReportText.Severity(worst.Severity.Level),
            worst is null ? "-" : ReportText.Impact(worst.Severity.Impact));
    }

    /// <summary>"5039 given", "~158 inferred", "unknown".</summary>
    public static string EpochsCell(EpochResolution epochs)
    {
        ArgumentNullException.ThrowIfNull(epochs);
        if (epochs.Structure is not { } s) return "unknown";

        string length = ReportText.Number(s.StepsPerEpoch, "0.##");
        return s.Source switch
        {
            EpochSource.Given => $"{length} given",
            EpochSource.Log => $"{length} from log",
            _ => $"~{length} inferred",
        };
    }

    /// <summary>The summary's headline: how many runs, how many with findings by severity, how many skipped.</summary>
    public static string Headline(SweepReport sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var runs = sweep.Runs;
        int findings = runs.Count(r => SweepOrder.Worst(r) is not null);
        var bySeverity = runs.Select(SweepOrder.Worst).OfType<Finding>().GroupBy(f => f.Severity.Level).OrderByDescending(g => g.Key)
            .Select(g => $"{g.Count()} {ReportText.Severity(g.Key)}");
        string severities = findings > 0 ? $" ({string.Join(", ", bySeverity)})" : "";
        int none = runs.Count(r => r.Outcome == DiagnosisOutcome.NoStructure);
        int cannot = runs.Count(r => r.Outcome == DiagnosisOutcome.CannotTell);
        string skipped = sweep.Skipped.Count > 0 ? $"; {sweep.Skipped.Count} skipped" : "";
        string folder = sweep.Folder.Length > 0 ? $" in {sweep.Folder}" : "";
        return $"{runs.Count} run(s){folder}: {findings} with findings{severities}, {none} without epoch-aligned structure, {cannot} cannot tell{skipped}.";
    }
}
