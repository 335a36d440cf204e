namespace EpochLens.Telemetry;

/// <summary>A summary written at the end of each epoch: training loss and the held-out evaluation.</summary>
/// <param name="Epoch">Zero-based epoch.</param>
/// <param name="Steps">Batches trained in this epoch.</param>
/// <param name="LastStep">Global step of the epoch's last batch.</param>
/// <param name="TrainLoss">Mean of the epoch's per-batch losses.</param>
/// <param name="HeldOutLoss">Mean cross-entropy on the held-out set after the epoch (NaN when not evaluated).</param>
/// <param name="HeldOutAccuracy">Share of held-out samples classified correctly (NaN when not evaluated).</param>
public sealed record EpochRecord(
    int Epoch,
    int Steps,
    long LastStep,
    double TrainLoss,
    double HeldOutLoss,
    double HeldOutAccuracy);
