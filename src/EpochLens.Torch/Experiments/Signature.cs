using EpochLens.Analysis;

namespace EpochLens.Torch.Experiments;

/// <summary>The measurement of the diagnosis engine that a cause shows in, and the statistic behind it.</summary>
/// <param name="Kind">The statistic.</param>
/// <param name="Why">Why this measurement tells the cause, in a clause.</param>
public sealed record Signature(SignatureKind Kind, string Why)
{
    /// <summary>The engine's measurement id, as the diagnosis JSON names it.</summary>
    public string MeasurementId => Kind switch
    {
        SignatureKind.BoundaryJump => MeasurementIds.BoundaryJump,
        SignatureKind.BoundaryJumpWide => MeasurementIds.BoundaryJumpWide,
        SignatureKind.PositionCorrelation => MeasurementIds.PositionCorrelation,
        SignatureKind.SpreadDecay => MeasurementIds.SpreadDecay,
        SignatureKind.LastStepLevel => MeasurementIds.LastStepLevel,
        SignatureKind.LastStepVariance => MeasurementIds.LastStepVariance,
        _ => throw new ArgumentOutOfRangeException(nameof(Kind), Kind, null),
    };
}
