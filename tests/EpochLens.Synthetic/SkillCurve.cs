namespace EpochLens.Synthetic;

/// <summary>
/// The model's skill g, in logits, as a function of training progress x (the fraction of the run's steps taken
/// at the base learning rate): a fast early gain, a slow gain, and optionally a late drop after a plateau.
/// Every sample's loss logit falls by g, so the loss curve is the familiar fast drop then slow decline.
/// </summary>
public sealed record SkillCurve
{
    /// <summary>Logits gained by the fast early phase.</summary>
    public double FastGain { get; init; } = 1.5;

    /// <summary>Time constant of the fast phase, as a fraction of the run (0.002: a very fast early drop).</summary>
    public double FastFraction { get; init; } = 0.05;

    /// <summary>Logits gained by the slow phase.</summary>
    public double SlowGain { get; init; } = 1.5;

    /// <summary>Time constant of the slow phase, as a fraction of the run (above 1: still improving at the end).</summary>
    public double SlowFraction { get; init; } = 0.6;

    /// <summary>Logits gained by a late, sudden improvement after a plateau (0: none).</summary>
    public double DropGain { get; init; }

    /// <summary>Centre of the late drop, as a fraction of the run.</summary>
    public double DropAt { get; init; } = 0.5;

    /// <summary>Width of the late drop, as a fraction of the run.</summary>
    public double DropWidth { get; init; } = 0.01;

    /// <summary>The skill once the run is long enough for every phase to finish.</summary>
    public double FullGain => FastGain + SlowGain + DropGain;

    /// <summary>The skill after <paramref name="progress"/> (fraction of the run) of progress.</summary>
    public double At(double progress)
    {
        double fast = FastGain * (1 - Math.Exp(-progress / FastFraction));
        double slow = SlowGain * (1 - Math.Exp(-progress / SlowFraction));
        double drop = DropGain == 0 ? 0 : DropGain * (Logistic((progress - DropAt) / DropWidth) - Logistic(-DropAt / DropWidth));
        return fast + slow + drop;
    }

    private static double Logistic(double z) => 1 / (1 + Math.Exp(-z));
}
