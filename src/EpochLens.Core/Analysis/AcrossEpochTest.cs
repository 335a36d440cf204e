using MathNet.Numerics.Distributions;

namespace EpochLens.Analysis;

/// <summary>
/// The second test beside <see cref="RotationTest"/>: one value per epoch (or boundary), tested for a mean
/// away from zero with Student's t. Epochs are far apart, so their values are close to independent; the
/// rotation test, in turn, loses power when an effect spreads over much of the epoch (moved boundaries then
/// still catch part of it). Measurements report twice the smaller p of the two.
/// </summary>
public static class AcrossEpochTest
{
    /// <summary>Two-sided p for a mean of <paramref name="values"/> different from zero; null for fewer than two values.</summary>
    public static double? PValue(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        int n = values.Count;
        if (n < 2) return null;

        double mean = values.Average();
        double sd = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (n - 1));
        if (sd == 0) return mean == 0 ? 1 : 1e-12;

        double t = Math.Abs(mean) / (sd / Math.Sqrt(n));
        return Math.Max(1e-12, 2 * (1 - StudentT.CDF(0, 1, n - 1, t)));
    }

    /// <summary>Twice the smaller of two p-values (either may be missing), capped at 1: a Bonferroni union of two tests.</summary>
    public static double? Combine(double? a, double? b) => (a, b) switch
    {
        (null, null) => null,
        (null, { } q) => q,
        ({ } p, null) => p,
        ({ } p, { } q) => Math.Min(1, 2 * Math.Min(p, q)),
    };
}
