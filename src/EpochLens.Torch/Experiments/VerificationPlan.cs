using EpochLens.Diagnosis;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>What verify will train before it trains it, so the budget can be printed and a progress task made per run.</summary>
public sealed record VerificationPlan
{
    public required HarnessRun Run { get; init; }

    public required IReadOnlyList<PlannedCause> Causes { get; init; }

    /// <summary>The trainings, each set-up once however many causes need it.</summary>
    public required IReadOnlyList<PlannedRun> Runs { get; init; }

    /// <summary>The folder of the telemetry that stands for each set-up: a planned run's, or the original's own.</summary>
    public required IReadOnlyDictionary<TrainOptions, string> Folders { get; init; }

    /// <summary>Runs trained at once.</summary>
    public required int Parallelism { get; init; }

    /// <summary>Why that many, in words.</summary>
    public required string ParallelismReason { get; init; }

    /// <summary>The diagnosis the causes came from; null when the user named them.</summary>
    public RunDiagnosis? Diagnosis { get; init; }

    /// <summary>True when the original run's telemetry stands for a side instead of a new training.</summary>
    public bool ReusesOriginal => Folders.Values.Contains(Run.Folder);
}
