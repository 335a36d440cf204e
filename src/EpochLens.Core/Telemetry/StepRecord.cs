namespace EpochLens.Telemetry;

/// <summary>What a training loop did in one step (one batch), as EpochLens telemetry records it.</summary>
/// <param name="Step">Zero-based global step: the number of batches trained before this one.</param>
/// <param name="Epoch">Zero-based epoch.</param>
/// <param name="Position">Zero-based position of this batch inside its epoch.</param>
/// <param name="BatchSize">Samples in this batch (the last batch of an epoch may hold fewer).</param>
/// <param name="Loss">The loss the training code computed for this batch (its own reduction: mean or sum).</param>
/// <param name="LoggedLoss">The value the run's own logger plotted for this step (for example a running mean).</param>
/// <param name="LearningRate">The learning rate in effect for this step.</param>
/// <param name="GradNorm">L2 norm of all parameter gradients after this batch's backward pass; null when not measured at this step.</param>
/// <param name="UpdateNorm">L2 norm of the change of all parameters during this step (0 when the optimizer did not step); null when not measured.</param>
/// <param name="OptimizerStep">The optimizer's own step counter after this batch (it restarts when the optimizer is rebuilt).</param>
/// <param name="SampleIds">Indices into the training set of the samples in this batch.</param>
public sealed record StepRecord(
    long Step,
    int Epoch,
    int Position,
    int BatchSize,
    double Loss,
    double LoggedLoss,
    double LearningRate,
    double? GradNorm,
    double? UpdateNorm,
    long OptimizerStep,
    IReadOnlyList<int> SampleIds);
