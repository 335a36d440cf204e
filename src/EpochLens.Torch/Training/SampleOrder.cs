namespace EpochLens.Torch.Training;

/// <summary>The order in which an epoch visits the training samples.</summary>
public enum SampleOrder
{
    /// <summary>A fresh random permutation every epoch (the healthy default).</summary>
    Reshuffled,

    /// <summary>The data as stored, the same every epoch (shuffle=False).</summary>
    Fixed,

    /// <summary>Sorted by class label, the same every epoch (data that arrived sorted).</summary>
    SortedByLabel,

    /// <summary>
    /// A random-looking permutation that is the same every epoch, because the sampler is re-seeded
    /// with the same seed each epoch (like a DistributedSampler whose set_epoch is never called).
    /// </summary>
    ReseededEachEpoch,
}
