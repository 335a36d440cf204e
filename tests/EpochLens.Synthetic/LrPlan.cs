namespace EpochLens.Synthetic;

/// <summary>
/// The learning rate over the whole run, and how the loss follows it: progress is proportional to the rate, the
/// visit noise grows with it, and near convergence a higher rate holds the loss higher (the noise floor of SGD).
/// </summary>
public sealed record LrPlan
{
    /// <summary>The peak rate, as the learning-rate series shows it.</summary>
    public double BaseRate { get; init; } = 1e-3;

    /// <summary>Linear warm-up from zero over this fraction of the run (0: none).</summary>
    public double WarmupFraction { get; init; }

    public LrDecay Decay { get; init; } = LrDecay.Constant;

    /// <summary>The rate at the end of a decay, as a fraction of <see cref="BaseRate"/>.</summary>
    public double FinalFraction { get; init; }

    /// <summary>
    /// Extra loss logit per unit of rate above the base rate (the noise floor of SGD): felt once the model has
    /// half its full skill, less before, since a fresh model is nowhere near a floor.
    /// </summary>
    public double NoiseFloor { get; init; } = 1.0;

    /// <summary>Share of the visit noise variance that scales with the rate (the rest is data augmentation).</summary>
    public double NoiseShare { get; init; } = 0.5;

    public static LrPlan Constant { get; } = new();

    /// <summary>The rate relative to <see cref="BaseRate"/> at a fraction of the run (0 to 1).</summary>
    public double RelativeAt(double runFraction)
    {
        if (runFraction < WarmupFraction)
        {
            return runFraction / WarmupFraction;
        }

        double u = WarmupFraction >= 1 ? 1 : (runFraction - WarmupFraction) / (1 - WarmupFraction);
        return Decay switch
        {
            LrDecay.Linear => 1 - ((1 - FinalFraction) * u),
            LrDecay.Cosine => FinalFraction + ((1 - FinalFraction) * 0.5 * (1 + Math.Cos(Math.PI * u))),
            _ => 1,
        };
    }
}
