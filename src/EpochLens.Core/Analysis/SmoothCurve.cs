namespace EpochLens.Analysis;

/// <summary>
/// A loss with no step-to-step noise: a full-batch run, a smoothed curve exported instead of the logged one, values
/// from a fit. Every test that infers an epoch length judges a pattern against the noise, and such a curve has none:
/// the small, smooth misfit of any trend removed from it then passes for a pattern at every length tried. A logged
/// loss, even a running mean, an EMA or a window mean of one, changes by noise from step to step, so its second
/// differences are as large as its first (their ratio of spreads is about 1.4; the real corpus's lowest is 0.86);
/// on a smooth curve the second are a small fraction of the first.
/// </summary>
public static class SmoothCurve
{
    /// <summary>Below this ratio of the second differences' spread to the first's, the curve is smooth.</summary>
    private const double MaxRatio = 0.25;

    private const int MinPoints = 16;

    private const int MaxTriples = 200_000;

    /// <summary>Why the epoch length cannot be inferred from this loss, or null when it is noisy as logged losses are.</summary>
    public static string? WhyNotInferable(ReadOnlySpan<double> values)
    {
        if (Ratio(values) is not { } ratio || ratio >= MaxRatio) return null;

        return string.Create(CultureInfo.InvariantCulture,
            $"the loss is a smooth curve, with almost no step-to-step noise (the spread of its second differences is {ratio:0.###} of its changes', where a logged loss has about 1.4): a full-batch run, a smoothed export or a fitted curve. An epoch length is told from a pattern against the noise, and this curve has none.");
    }

    /// <summary>The robust spread of second differences over that of first differences (triples of consecutive finite values, an even sample of at most <see cref="MaxTriples"/>); null when either has none.</summary>
    internal static double? Ratio(ReadOnlySpan<double> values)
    {
        int stride = Math.Max(1, values.Length / MaxTriples);
        var first = new double[Math.Min(values.Length, MaxTriples + 1)];
        var second = new double[first.Length];
        int count = 0;
        for (int i = 2; i < values.Length && count < first.Length; i += stride)
        {
            double a = values[i - 2], b = values[i - 1], c = values[i];
            if (double.IsFinite(a) && double.IsFinite(b) && double.IsFinite(c))
            {
                first[count] = c - b;
                second[count++] = c - (2 * b) + a;
            }
        }

        if (count < MinPoints) return null;

        double spreadFirst = RobustStatistics.RobustSd(first.AsSpan(0, count));
        double spreadSecond = RobustStatistics.RobustSd(second.AsSpan(0, count));
        return spreadFirst > 0 && double.IsFinite(spreadSecond) ? spreadSecond / spreadFirst : null;
    }
}
