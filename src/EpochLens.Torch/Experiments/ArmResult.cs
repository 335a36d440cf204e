using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>One side of a finished experiment: its run, the diagnosis of its loss, the signature measured, its held-out results.</summary>
public sealed record ArmResult
{
    /// <summary>True for the side with the factor.</summary>
    public required bool WithFactor { get; init; }

    /// <summary>True when this side is the original set-up (at the experiment's budget).</summary>
    public required bool IsOriginalSetup { get; init; }

    /// <summary>True when the original run's own telemetry stood for this side instead of a new training.</summary>
    public required bool ReusedOriginalTelemetry { get; init; }

    public required string Label { get; init; }

    public required string Folder { get; init; }

    public required TrainOptions Options { get; init; }

    /// <summary>The series judged (logged_loss or loss).</summary>
    public required string Metric { get; init; }

    public required RunDiagnosis Diagnosis { get; init; }

    /// <summary>The cause's signature as the diagnosis engine measured it; null when it could not be measured.</summary>
    public Measurement? Signature { get; init; }

    public required long Steps { get; init; }

    public required double HeldOutLoss { get; init; }

    public required double HeldOutAccuracy { get; init; }

    /// <summary>Training time on the wall clock, evaluation included; null for reused telemetry.</summary>
    public TimeSpan? WallTime { get; init; }
}
