namespace EpochLens.Synthetic;

/// <summary>
/// How a sample's loss comes about: loss = softplus(logit), with logit = difficulty - skill + noise, the shape of a
/// cross-entropy (skewed, heavy right tail, never negative). Difficulties are fixed per sample:
/// spread * (z + lift for hard samples), z standard normal.
/// </summary>
public sealed record SampleLossModel
{
    /// <summary>The mean logit before training: 2.2 gives a loss near ln 10, a fresh 10-class classifier.</summary>
    public double InitialLogit { get; init; } = 2.2;

    /// <summary>Standard deviation of the samples' difficulties, in logits (0: all samples alike).</summary>
    public double DifficultySpread { get; init; } = 1.0;

    /// <summary>Fraction of hard samples (mislabelled or atypical), whose loss stays high.</summary>
    public double HardFraction { get; init; } = 0.03;

    /// <summary>How much harder the hard samples are, in units of <see cref="DifficultySpread"/>.</summary>
    public double HardLift { get; init; } = 3.0;

    /// <summary>Standard deviation of a visit's own noise in the logit (augmentation, dropout, weight jitter).</summary>
    public double NoiseScale { get; init; } = 0.5;

    /// <summary>The share of the skill that carries over to held-out samples (below 1: a generalisation gap).</summary>
    public double HeldOutTransfer { get; init; } = 0.85;
}
