namespace EpochLens.Synthetic;

/// <summary>Noise beyond the per-visit Gaussian logit noise of <see cref="SampleLossModel"/>, and isolated spikes.</summary>
public sealed record NoiseModel
{
    public NoiseKind Kind { get; init; } = NoiseKind.Gaussian;

    /// <summary>Degrees of freedom of the Student-t factor (2 to 3: heavy tails).</summary>
    public double StudentDf { get; init; } = 2.5;

    /// <summary>Scale of the Student-t factor in log space; its logarithm is clipped at +-6 so a loss stays finite.</summary>
    public double StudentScale { get; init; } = 0.3;

    /// <summary>Step-to-step correlation of the shared noise (0.5 to 0.99).</summary>
    public double ArCoefficient { get; init; } = 0.9;

    /// <summary>Share of the logit noise variance that is the shared AR(1) part.</summary>
    public double ArShare { get; init; } = 0.5;

    /// <summary>Chance per step of an isolated upward spike (a bad batch), at random, non-periodic steps.</summary>
    public double SpikeRate { get; init; }

    /// <summary>Typical natural logarithm of a spike's factor (2: about 7 times the loss; each spike varies +-50 %).</summary>
    public double SpikeLogSize { get; init; } = 2.0;

    public static NoiseModel Gaussian { get; } = new();
}
