namespace EpochLens.Synthetic;

/// <summary>What a sparse logger writes every k steps.</summary>
public enum SparseValue
{
    /// <summary>The last step's value (Lightning's log_every_n_steps).</summary>
    Last,

    /// <summary>The mean over the interval (Hugging Face Trainer's logging_steps, MMEngine).</summary>
    IntervalMean,
}
