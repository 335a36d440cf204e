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
        var sample = new List<double>(Math.Min(values.Length, MaxSample + 1));
        for (int i = 0; i < values.Length; i += stride)
        {
            double v = values[i];
            if (double.IsFinite(v))
            {
                sample.Add(map(v));
            }
        }

        if (sample.Count == 0)
        {
            return double.NaN;
        }

        sample.Sort();
        int mid = sample.Count / 2;
        return sample.Count % 2 == 1 ? sample[mid] : 0.5 * (sample[mid - 1] + sample[mid]);
    }
}
