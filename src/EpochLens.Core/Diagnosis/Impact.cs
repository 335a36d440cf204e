namespace EpochLens.Diagnosis;

/// <summary>Whether an effect is only in the log or in the training itself.</summary>
public enum Impact
{
    /// <summary>Nothing to weigh (no finding).</summary>
    None,

    /// <summary>Only the plotted values are wrong; training is unaffected.</summary>
    LogOnly,

    /// <summary>A real but tiny effect, mostly visible in the plot (one noisier step per epoch).</summary>
    Cosmetic,

    /// <summary>The optimisation itself is affected.</summary>
    Training,

    /// <summary>A deliberate choice (a learning-rate schedule) doing what it was set to do.</summary>
    Intended,

    /// <summary>Cannot be told from the log.</summary>
    Unknown,
}
