namespace EpochLens.Diagnosis;

/// <summary>
/// What reports draw that the measurements do not carry, computed once by the <see cref="Diagnoser"/> from its
/// analysis; not serialized. The curve, its trend and the phase profile are in <see cref="RunDiagnosis.Analysis"/>.
/// </summary>
/// <param name="Periodogram">The residual's spectrum, when the epoch length was inferred from the loss (the evidence for it); else null.</param>
/// <param name="ChangeByPosition">Mean step-to-step change by position in the epoch, when a running mean was found; else null.</param>
public sealed record FigureData(ResidualPeriodogram? Periodogram, IReadOnlyList<double>? ChangeByPosition)
{
    /// <summary>Nothing beyond the analysis.</summary>
    public static FigureData Empty { get; } = new(null, null);

    /// <summary>The figure data for a run analysed as <paramref name="analysis"/> with these findings.</summary>
    public static FigureData For(EpochAnalysis analysis, IReadOnlyList<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        ArgumentNullException.ThrowIfNull(findings);
        var periodogram = analysis.Structure.Source == EpochSource.Inferred ? ResidualPeriodogram.Compute(analysis.Signal) : null;
        var change = findings.Any(f => f.Cause == CauseId.RunningMeanLogging) ? RunningMeanProbe.ChangeByPosition(analysis.Signal) : null;
        return new FigureData(periodogram, change);
    }
}
