namespace EpochLens.Torch.Experiments;

/// <summary>What the user tells verify beyond the run and the causes.</summary>
public sealed record VerifyOptions
{
    /// <summary>Where the experiment runs are written (one folder per run).</summary>
    public required string OutFolder { get; init; }

    /// <summary>The most steps one experiment run may train.</summary>
    public int MaxStepsPerRun { get; init; } = ExperimentBudget.DefaultMaxStepsPerRun;

    /// <summary>Epochs per run, overriding the chosen budget.</summary>
    public int? Epochs { get; init; }

    /// <summary>Samples per epoch, overriding the chosen budget.</summary>
    public int? SamplesPerEpoch { get; init; }

    /// <summary>Runs trained at once; null for one per core.</summary>
    public int? Parallelism { get; init; }

    /// <summary>Let the original run's telemetry stand for the original side when the budget matches it.</summary>
    public bool ReuseOriginal { get; init; } = true;

    /// <summary>Causes tested at most when they come from the diagnosis.</summary>
    public int MaxDiagnosedCauses { get; init; } = 3;
}
