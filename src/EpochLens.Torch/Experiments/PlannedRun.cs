using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>One training an experiment needs, and the folder its telemetry goes to.</summary>
/// <param name="Label">A short name for progress and reports ("original", "fixed-order-off").</param>
/// <param name="Options">What to train.</param>
/// <param name="Folder">The run folder to write.</param>
public sealed record PlannedRun(string Label, TrainOptions Options, string Folder);
