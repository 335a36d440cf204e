namespace EpochLens.Synthetic;

/// <summary>The kind of noise on top of the per-visit logit noise.</summary>
public enum NoiseKind
{
    /// <summary>Independent Gaussian logit noise only.</summary>
    Gaussian,

    /// <summary>Also a Student-t factor on each sample's loss in log space: rare very large or small losses.</summary>
    StudentT,

    /// <summary>Part of the logit noise is shared by neighbouring steps (AR(1)): slow wander, as weights drift.</summary>
    Autoregressive,
}
