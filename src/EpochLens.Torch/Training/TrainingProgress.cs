namespace EpochLens.Torch.Training;

/// <summary>A progress report from a running <see cref="Trainer"/>, a few times a second.</summary>
/// <param name="Step">Batches trained so far.</param>
/// <param name="TotalSteps">Batches the whole run will train.</param>
/// <param name="Epoch">Zero-based epoch in progress.</param>
/// <param name="RecentLoss">Mean loss of the batches since the last report.</param>
/// <param name="StepsPerSecond">Training speed so far, evaluation excluded.</param>
/// <param name="Phase">What the trainer is doing: training or evaluating.</param>
public sealed record TrainingProgress(long Step, long TotalSteps, int Epoch, double RecentLoss, double StepsPerSecond, string Phase);
