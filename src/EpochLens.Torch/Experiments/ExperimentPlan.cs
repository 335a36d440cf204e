namespace EpochLens.Torch.Experiments;

/// <summary>
/// What to train to test one cause: the run with the factor and the run without it, one of which is the
/// original set-up; or, when no such pair can be trained, why not.
/// </summary>
public sealed record ExperimentPlan
{
    /// <summary>True when the original run has the factor (the experiment switches it off); false when it switches it on.</summary>
    public required bool OriginalHasFactor { get; init; }

    public ArmSetup? WithFactor { get; init; }

    public ArmSetup? WithoutFactor { get; init; }

    /// <summary>Why there is no experiment (then both arms are null).</summary>
    public string? NoExperimentBecause { get; init; }

    /// <summary>What the experiment changes, in words.</summary>
    public required string Change { get; init; }

    public bool CanRun => WithFactor is not null && WithoutFactor is not null;
}
