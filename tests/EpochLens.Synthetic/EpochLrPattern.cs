namespace EpochLens.Synthetic;

/// <summary>How a planted lr-schedule cause changes the learning rate at every epoch boundary.</summary>
public enum EpochLrPattern
{
    /// <summary>The rate is multiplied by (1 - strength) at every boundary (a per-epoch StepLR).</summary>
    StepDecay,

    /// <summary>Cosine annealing within each epoch down to (1 - strength) of the rate, restarted at every boundary.</summary>
    WarmRestarts,

    /// <summary>A linear ramp from (1 - strength) of the rate over the first tenth of every epoch.</summary>
    PerEpochWarmup,
}
