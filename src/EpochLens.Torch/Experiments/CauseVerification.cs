using EpochLens.Diagnosis;

namespace EpochLens.Torch.Experiments;

/// <summary>The experiment on one suspected cause: what was changed, the two sides, the test, the verdict and the cost.</summary>
public sealed record CauseVerification
{
    public required CauseId Cause { get; init; }

    /// <summary>The factor, in words.</summary>
    public required string Factor { get; init; }

    /// <summary>What the experiment changed.</summary>
    public required string Change { get; init; }

    public required bool OriginalHasFactor { get; init; }

    public required ExperimentBudget Budget { get; init; }

    public required VerifyVerdict Verdict { get; init; }

    /// <summary>Why, with the numbers.</summary>
    public required string Reason { get; init; }

    /// <summary>The measurement compared; null when there was no experiment.</summary>
    public Signature? Signature { get; init; }

    public ArmResult? WithFactor { get; init; }

    public ArmResult? WithoutFactor { get; init; }

    public SignatureComparison? Comparison { get; init; }

    public HowBad? HowBad { get; init; }

    /// <summary>The how-bad sentence (held-out loss and accuracy with and without the factor), or why there is none.</summary>
    public required string HowBadStatement { get; init; }
}
