namespace EpochLens.Diagnosis;

/// <summary>A finding's confidence: the level, the p-value it rests on, and what that p-value tests.</summary>
/// <param name="Level">Low, medium or high.</param>
/// <param name="PValue">The probability of evidence this strong with no such cause (corrected for the tests the detector ran).</param>
/// <param name="Basis">What was tested, e.g. "jump at the boundary, rotation test".</param>
public sealed record Confidence(ConfidenceLevel Level, double PValue, string Basis)
{
    /// <summary>p at most this gives high confidence.</summary>
    public const double HighBelow = 1e-4;

    /// <summary>p at most this gives medium confidence.</summary>
    public const double MediumBelow = 1e-3;

    /// <summary>p at most this gives a (low-confidence) finding at all.</summary>
    public const double LowBelow = 1e-2;

    /// <summary>The level a p-value earns, or null when it is too weak for a finding.</summary>
    public static ConfidenceLevel? LevelFor(double p) => p switch
    {
        <= HighBelow => ConfidenceLevel.High,
        <= MediumBelow => ConfidenceLevel.Medium,
        <= LowBelow => ConfidenceLevel.Low,
        _ => null,
    };

    /// <summary>A confidence from a p-value, never above <paramref name="cap"/>; null when p is too weak.</summary>
    public static Confidence? From(double p, string basis, ConfidenceLevel cap = ConfidenceLevel.High)
    {
        if (LevelFor(p) is not { } level) return null;

        return new Confidence(level > cap ? cap : level, p, basis);
    }

    /// <summary>Of two lines of evidence for one cause, the one with the smaller p (<paramref name="current"/> on a tie).</summary>
    public static Confidence? Stronger(Confidence? current, Confidence? candidate) =>
        current is null || (candidate is not null && candidate.PValue < current.PValue) ? candidate : current;
}
