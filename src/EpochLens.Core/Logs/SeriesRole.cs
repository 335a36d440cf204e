namespace EpochLens.Logs;

/// <summary>What a series measures, when the log says so; the analysis looks series up by role.</summary>
public enum SeriesRole
{
    /// <summary>Anything else the log holds (accuracy, custom metrics).</summary>
    Other,

    /// <summary>The training loss per step (or per logging interval).</summary>
    TrainLoss,

    /// <summary>Loss on held-out data (validation or test).</summary>
    HeldOutLoss,

    /// <summary>The epoch number of each step, possibly fractional (Hugging Face).</summary>
    Epoch,

    LearningRate,
    BatchSize,
    GradNorm,
    UpdateNorm,

    /// <summary>The optimizer's own step counter (EpochLens telemetry).</summary>
    OptimizerStep,
}
