namespace EpochLens.Synthetic;

/// <summary>What happens to an epoch's short last gradient-accumulation group (grad-accumulation-leftover).</summary>
public enum AccumulationLeftover
{
    /// <summary>Stepped at the end of the epoch with the full group's 1/k scale: a too small last update.</summary>
    WrongScale,

    /// <summary>Never stepped nor cleared: its gradients leak into the next epoch's first, too large update.</summary>
    Leak,
}
