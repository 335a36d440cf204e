namespace EpochLens.Analysis;

/// <summary>Medians and MADs that stay fast on ten million points by reading a bounded, evenly spaced sample.</summary>
public static class RobustStatistics
{
    /// <summary>Consistency constant: MAD times this estimates the SD of normal data.</summary>
    public const double MadToSd = 1.482602218505602;

    private const int MaxSample = 200_000;

    /// <summary>Median of the finite values (NaN when there are none); exact up to 200,000 values, an even sample beyond.</summary>
    public static double Median(ReadOnlySpan<double> values) => Median(values, static v => v);

    /// <summary>Robust SD (1.4826 x median absolute deviation from the median) of the finite values.</summary>
    public static double RobustSd(ReadOnlySpan<double> values)
    {
        double median = Median(values);
        if (double.IsNaN(median))
        {
            return double.NaN;
        }

        return MadToSd * Median(values, v => Math.Abs(v - median));
    }

    private static double Median(ReadOnlySpan<double> values, Func<double, double> map)
    {
        int stride = Math.Max(1, values.Length / MaxSample);
        var sample = new double[Math.Min(values.Length, MaxSample + 1)];
        int count = 0;
        for (int i = 0; i < values.Length && count < sample.Length; i += stride)
        {
            double v = values[i];
            if (double.IsFinite(v))
            {
                sample[count++] = map(v);
            }
        }

        if (count == 0)
        {
            return double.NaN;
        }

        var span = sample.AsSpan(0, count);
        span.Sort();
        int mid = count / 2;
        return count % 2 == 1 ? span[mid] : 0.5 * (span[mid - 1] + span[mid]);
    }
}
