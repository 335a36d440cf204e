using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>A planned run after training: what it did and how long it took on the wall clock.</summary>
public sealed record CompletedRun(PlannedRun Planned, TrainingSummary Summary, TimeSpan WallTime);
