using EpochLens.Analysis;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// The two-sample test: does the signature differ between the run with the factor and the run without it?
/// The statistic is the difference of the two runs' signature statistics; its null moves the boundary of both
/// runs together to every other offset in the epoch (a rotation test on the difference), so it keeps each run's
/// own noise and needs no distribution, like the engine's one-run tests.
/// </summary>
/// <param name="Difference">With-factor statistic minus without-factor statistic at the real boundary.</param>
/// <param name="NullSd">The difference's spread with the boundary moved.</param>
/// <param name="PValue">Two-sided p of the difference (null when too few offsets).</param>
/// <param name="Offsets">Moved boundaries in the null.</param>
/// <param name="Method">How it was computed, in a sentence.</param>
public sealed record SignatureComparison(double Difference, double NullSd, double? PValue, int Offsets, string Method)
{
    /// <summary>Compares <paramref name="withFactor"/> and <paramref name="withoutFactor"/> on <paramref name="kind"/>; null when either epoch profile is too short.</summary>
    public static SignatureComparison? Compare(SignatureKind kind, EpochAnalysis withFactor, EpochAnalysis withoutFactor)
    {
        ArgumentNullException.ThrowIfNull(withFactor);
        ArgumentNullException.ThrowIfNull(withoutFactor);
        var a = SignatureStatistic.Of(kind, withFactor);
        var b = SignatureStatistic.Of(kind, withoutFactor);
        if (a is null || b is null) return null;

        // Epoch lengths may differ slightly (a dropped last batch): offsets map by their share of the epoch.
        double scale = (double)b.BinCount / a.BinCount;
        var test = RotationTest.Run(a.BinCount, Math.Max(a.Guard, b.Guard), offset => a.At(offset) - b.At((int)Math.Round(offset * scale)));
        return new SignatureComparison(
            test.Observed,
            test.NullSd,
            test.PValue,
            test.Offsets,
            $"difference of the two runs' statistic at the boundary, against the same difference with both runs' boundary moved to {test.Offsets} other offsets in the epoch (rotation test, two-sided)");
    }
}
