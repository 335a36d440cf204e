namespace EpochLens.Synthetic;

/// <summary>The details of how a planted cause acts; each applies only when its cause is planted.</summary>
public sealed record CauseOptions
{
    /// <summary>lr-schedule: how the rate changes at the boundaries.</summary>
    public EpochLrPattern LrPattern { get; init; } = EpochLrPattern.WarmRestarts;

    /// <summary>optimizer-reset: Adam's beta2; the transient decays over about 1/(1 - beta2) steps, clipped to the epoch.</summary>
    public double Beta2 { get; init; } = 0.999;

    /// <summary>recency: how long a sample stays remembered, in epochs (e-folding time; above 1: stair-steps).</summary>
    public double MemoryEpochs { get; init; } = 1.0;

    /// <summary>grad-accumulation-leftover: what happens to the short last group.</summary>
    public AccumulationLeftover Leftover { get; init; } = AccumulationLeftover.WrongScale;

    /// <summary>epoch-aligned-unexplained: the shape at the start of the epoch.</summary>
    public BoundarySpikeShape SpikeShape { get; init; } = BoundarySpikeShape.FirstStep;

    /// <summary>epoch-aligned-unexplained: the direction of the spike.</summary>
    public SpikeSign SpikeSign { get; init; } = SpikeSign.Either;

    public static CauseOptions Default { get; } = new();
}
