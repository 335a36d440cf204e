using EpochLens.Diagnosis;

namespace EpochLens.Torch.Experiments;

/// <summary>Everything verify found: the run, the diagnosis that chose the causes (when it did), each cause's experiment.</summary>
public sealed record VerificationReport
{
    public required string RunFolder { get; init; }

    public required string OutFolder { get; init; }

    /// <summary>The diagnosis of the original run whose findings were tested; null when the causes were given.</summary>
    public RunDiagnosis? Diagnosis { get; init; }

    public required IReadOnlyList<CauseVerification> Causes { get; init; }

    /// <summary>The trainings run (reused telemetry not counted).</summary>
    public required IReadOnlyList<CompletedRun> Runs { get; init; }

    public required int Parallelism { get; init; }

    /// <summary>Wall-clock time of all the trainings together.</summary>
    public required TimeSpan TrainingWallTime { get; init; }

    /// <summary>Held-out images the how-bad numbers rest on.</summary>
    public required int HeldOutCount { get; init; }
}
