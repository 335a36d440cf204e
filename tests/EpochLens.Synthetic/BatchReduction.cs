namespace EpochLens.Synthetic;

/// <summary>How the per-sample losses of a batch become the batch's loss.</summary>
public enum BatchReduction
{
    /// <summary>The mean: a short batch gives a noisier value at the same level.</summary>
    Mean,

    /// <summary>The sum: a short batch gives a lower value.</summary>
    Sum,
}
