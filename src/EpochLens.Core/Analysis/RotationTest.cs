namespace EpochLens.Analysis;

/// <summary>
/// The significance test behind every boundary measurement: the statistic computed with the epoch boundary
/// where it really is, against the same statistic with the boundary moved to other offsets within the
/// epoch (an event study at random offsets, done exhaustively). Moving the boundary keeps the noise's own
/// structure (heavy tails, autocorrelation, what the detrending left) so the test holds under the null
/// without assuming a distribution.
/// </summary>
public static class RotationTest
{
    /// <summary>
    /// Tests <paramref name="statistic"/> at offset 0 against offsets <paramref name="guard"/> ..
    /// binCount - <paramref name="guard"/>. The p-value is the rank of the observed value among the null values;
    /// when it is more extreme than all of them, a normal tail fitted to the null values extends it (never
    /// below 1e-12), so many-epoch runs with few bins can still show strong evidence.
    /// </summary>
    /// <param name="tail">Which direction counts as extreme.</param>
    public static RotationResult Run(int binCount, int guard, Func<int, double> statistic, Tail tail = Tail.Both, int maxOffsets = 4000)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        double observed = statistic(0);
        int first = Math.Max(1, guard), last = binCount - Math.Max(1, guard);
        int available = last - first + 1;
        if (available < 5 || !double.IsFinite(observed))
            return new RotationResult(observed, double.NaN, double.NaN, null, Math.Max(0, available));

        int step = Math.Max(1, available / maxOffsets);
        var nulls = new List<double>(available / step + 1);
        for (int offset = first; offset <= last; offset += step)
        {
            double value = statistic(offset);
            if (double.IsFinite(value)) nulls.Add(value);
        }

        if (nulls.Count < 5) return new RotationResult(observed, double.NaN, double.NaN, null, nulls.Count);

        double mean = nulls.Average();
        double sd = Math.Sqrt(nulls.Sum(v => (v - mean) * (v - mean)) / (nulls.Count - 1));
        int asExtreme = 0;
        foreach (var v in nulls)
        {
            if (Extremeness(v, mean, tail) >= Extremeness(observed, mean, tail)) asExtreme++;
        }

        double p = (1.0 + asExtreme) / (1.0 + nulls.Count);
        if (asExtreme == 0 && sd > 0)
        {
            double zScore = Extremeness(observed, mean, tail) / sd;
            double tailP = tail == Tail.Both ? 2 * NormalUpperTail(zScore) : NormalUpperTail(zScore);
            p = Math.Max(1e-12, Math.Min(p, tailP));
        }

        return new RotationResult(observed, mean, sd, p, nulls.Count);
    }

    private static double Extremeness(double value, double mean, Tail tail) => tail switch
    {
        Tail.Upper => value - mean,
        Tail.Lower => mean - value,
        _ => Math.Abs(value - mean),
    };

    /// <summary>P(Z &gt; z) for a standard normal Z.</summary>
    internal static double NormalUpperTail(double z) => 0.5 * MathNet.Numerics.SpecialFunctions.Erfc(z / Math.Sqrt(2));

    /// <summary>Which side of the null counts as extreme.</summary>
    public enum Tail
    {
        Both,
        Upper,
        Lower,
    }
}

/// <summary>The statistic at the true boundary and its null distribution over moved boundaries.</summary>
/// <param name="Observed">The statistic at the true boundary.</param>
/// <param name="NullMean">Its mean over moved boundaries.</param>
/// <param name="NullSd">Its SD over moved boundaries.</param>
/// <param name="PValue">Null when there were too few offsets to test.</param>
/// <param name="Offsets">How many moved boundaries formed the null.</param>
public sealed record RotationResult(double Observed, double NullMean, double NullSd, double? PValue, int Offsets)
{
    /// <summary>How many null SDs the observed value lies from the null mean.</summary>
    public double Standardized => NullSd > 0 ? (Observed - NullMean) / NullSd : double.NaN;
}
