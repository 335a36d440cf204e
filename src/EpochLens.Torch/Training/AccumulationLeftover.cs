namespace EpochLens.Torch.Training;

/// <summary>
/// What happens to the last, short gradient-accumulation group of an epoch when the batches per epoch
/// are not a multiple of the accumulation count.
/// </summary>
public enum AccumulationLeftover
{
    /// <summary>Stepped at the end of the epoch, but scaled by 1/k as if it were a full group (too small an update).</summary>
    WrongScale,

    /// <summary>Never stepped nor cleared: its gradients leak into the next epoch's first update.</summary>
    Leak,

    /// <summary>Stepped at the end of the epoch with its own scale, 1/(its size): the fix.</summary>
    OwnScale,
}
