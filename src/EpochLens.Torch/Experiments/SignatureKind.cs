namespace EpochLens.Torch.Experiments;

/// <summary>Which boundary statistic of the phase profile carries a cause's signature.</summary>
public enum SignatureKind
{
    /// <summary>Level in the point after the boundary minus the point before (boundary-jump).</summary>
    BoundaryJump,

    /// <summary>The same over a twentieth of the epoch each side (boundary-jump-wide).</summary>
    BoundaryJumpWide,

    /// <summary>Position-by-position correlation of the odd and even epochs' fine detail (position-correlation).</summary>
    PositionCorrelation,

    /// <summary>Log-log slope of step-to-step change against position in the epoch: -1 for a running mean (spread-decay).</summary>
    SpreadDecay,

    /// <summary>Level of the epoch's last point against all positions (last-step-level).</summary>
    LastStepLevel,

    /// <summary>Log spread of the epoch's last point against all positions (last-step-variance).</summary>
    LastStepVariance,
}
