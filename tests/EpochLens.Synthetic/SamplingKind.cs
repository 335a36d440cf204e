namespace EpochLens.Synthetic;

/// <summary>
/// How each epoch draws its samples when no order is planted. A fixed order is the fixed-order cause and is
/// planted with <see cref="Diagnosis.CauseId.FixedOrder"/>, so a null run can never have one by mistake.
/// </summary>
public enum SamplingKind
{
    /// <summary>A fresh random permutation every epoch (PyTorch's shuffle=True).</summary>
    Reshuffled,

    /// <summary>Each step draws its samples uniformly with replacement: samples repeat within an epoch.</summary>
    WithReplacement,
}
