using EpochLens.Reports.Text;

namespace EpochLens.Reports.Sweeps;

/// <summary>
/// Worst first: the most severe finding, then runs with findings before those that cannot tell before those without
/// structure, then the stronger evidence (smaller p), then by source and series, so that the order is total and
/// the same in every process.
/// </summary>
public sealed class SweepOrder : IComparer<RunDiagnosis>
{
    public static readonly SweepOrder WorstFirst = new();

    private SweepOrder()
    {
    }

    public int Compare(RunDiagnosis? x, RunDiagnosis? y)
    {
        if (ReferenceEquals(x, y)) return 0;

        if (x is null || y is null) return x is null ? 1 : -1;

        var a = Worst(x);
        var b = Worst(y);
        int order = (b?.Severity.Level ?? SeverityLevel.None).CompareTo(a?.Severity.Level ?? SeverityLevel.None);
        if (order == 0) order = OutcomeRank(x.Outcome).CompareTo(OutcomeRank(y.Outcome));

        if (order == 0) order = (a?.Confidence.PValue ?? 1).CompareTo(b?.Confidence.PValue ?? 1);

        if (order == 0) order = string.CompareOrdinal(x.Source, y.Source);

        return order != 0 ? order : string.CompareOrdinal(x.Metric, y.Metric);
    }

    /// <summary>The finding that weighs most: the most severe cause, the strongest among equals; null when no cause was found.</summary>
    public static Finding? Worst(RunDiagnosis run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Finding? worst = null;
        foreach (var finding in ReportText.CauseFindings(run))
        {
            if (worst is null || finding.Severity.Level > worst.Severity.Level) worst = finding;
        }

        return worst;
    }

    private static int OutcomeRank(DiagnosisOutcome outcome) => outcome switch
    {
        DiagnosisOutcome.Findings => 0,
        DiagnosisOutcome.CannotTell => 1,
        _ => 2,
    };
}
