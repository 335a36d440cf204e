namespace EpochLens.Torch.Training;

/// <summary>How the per-sample losses of a batch become the batch's loss.</summary>
public enum LossReduction
{
    /// <summary>The mean over the batch: a small last batch gives a noisier value at the same level.</summary>
    Mean,

    /// <summary>The sum over the batch: a small last batch gives a lower value (and a smaller gradient).</summary>
    Sum,
}
