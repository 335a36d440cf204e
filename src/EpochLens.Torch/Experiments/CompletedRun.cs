namespace EpochLens.Torch.Experiments;

/// <summary>A planned run after training: the steps it trained and how long it took on the wall clock.</summary>
public sealed record CompletedRun(PlannedRun Planned, long Steps, TimeSpan WallTime);
