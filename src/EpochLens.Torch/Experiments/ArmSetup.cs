using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>One side of an experiment: the training that produces it and the series of its telemetry to judge.</summary>
/// <param name="Options">The trainer's options.</param>
/// <param name="Metric">The telemetry series to diagnose; null for the per-step training loss.</param>
public sealed record ArmSetup(TrainOptions Options, string? Metric);
