namespace EpochLens.Reports.Figures;

/// <summary>The figures of one diagnosis: the main ones (curve, profile, event study, periodogram) and each finding's own.</summary>
public static class RunFigures
{
    /// <summary>The curve, its close-up, the phase profile, the boundary event study, and the periodogram when the period was inferred; empty when no analysis ran.</summary>
    public static IReadOnlyList<ReportFigure> Main(RunDiagnosis run)
    {
        ArgumentNullException.ThrowIfNull(run);
        if (run.Analysis is not { Signal.ValidCount: > 0 } analysis) return [];

        var figures = new List<ReportFigure?>
        {
            CurveFigures.Whole(analysis, run.Metric),
            CurveFigures.LastEpochs(analysis, run.Metric),
            ProfileFigures.PhaseProfile(analysis),
            ProfileFigures.BoundaryEventStudy(analysis),
            run.Figures.Periodogram is { } periodogram ? PeriodogramFigure.Build(periodogram, run.Epochs) : null,
        };
        return [.. figures.OfType<ReportFigure>()];
    }

    /// <summary>The figures of one finding's evidence; empty for the "none" finding or when no analysis ran.</summary>
    public static IReadOnlyList<ReportFigure> ForFinding(RunDiagnosis run, Finding finding)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(finding);
        return run.Analysis is { Signal.ValidCount: > 0 } analysis ? [.. EvidenceFigures.For(run, analysis, finding)] : [];
    }
}
