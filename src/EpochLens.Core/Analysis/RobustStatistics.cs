namespace EpochLens.Analysis;

/// <summary>
/// Robust location and scale, written once: the median and the MAD of the finite values, from a bounded, evenly
/// spaced sample so that they stay fast on ten million points.
/// </summary>
public static class RobustStatistics
{
    /// <summary>Consistency constant: MAD times this estimates the SD of normal data.</summary>
    public const double MadToSd = 1.482602218505602;

    /// <summary>Median of the finite values (NaN when there are none); exact up to 200,000 values, an even sample beyond.</summary>
    public static double Median(ReadOnlySpan<double> values)
    {
        double[] buffer = Sample(values, RobustConventions.General, static v => v, out int count);
        try
        {
            return count == 0 ? double.NaN : OrderStatistics.Median(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>Robust SD (1.4826 x median absolute deviation from the median) of the finite values; NaN when there are none.</summary>
    public static double RobustSd(ReadOnlySpan<double> values) =>
        Spread(values, RobustConventions.General) is { } spread ? MadToSd * spread.Mad : double.NaN;

    /// <summary>Median and spreads of the finite values, read as <paramref name="conventions"/> say; null when none is finite.</summary>
    internal static RobustSpread? Spread(ReadOnlySpan<double> values, RobustConventions conventions) =>
        Spread(values, static v => v, conventions);

    /// <inheritdoc cref="Spread(ReadOnlySpan{double}, RobustConventions)"/>
    internal static RobustSpread? Spread(ReadOnlySpan<float> values, RobustConventions conventions) =>
        Spread(values, static v => v, conventions);

    /// <summary>Median and spreads of a non-empty sample of finite values, which it overwrites with their absolute deviations.</summary>
    internal static RobustSpread SpreadOfSample(Span<double> sample, bool upperMedian)
    {
        double median = MedianOf(sample, upperMedian);
        double absoluteSum = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            sample[i] = Math.Abs(sample[i] - median);
            absoluteSum += sample[i];
        }

        return new RobustSpread(median, MedianOf(sample, upperMedian), absoluteSum, sample.Length);
    }

    private static RobustSpread? Spread<T>(ReadOnlySpan<T> values, Func<T, double> toDouble, RobustConventions conventions)
    {
        double[] buffer = Sample(values, conventions, toDouble, out int count);
        try
        {
            return count == 0 ? null : SpreadOfSample(buffer.AsSpan(0, count), conventions.UpperMedian);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    private static double MedianOf(Span<double> sample, bool upperMedian) =>
        upperMedian ? OrderStatistics.UpperMedian(sample) : OrderStatistics.Median(sample);

    /// <summary>The finite values among every stride-th one (stride = length / sample size), in a rented buffer.</summary>
    private static double[] Sample<T>(ReadOnlySpan<T> values, RobustConventions conventions, Func<T, double> toDouble, out int count)
    {
        int stride = Math.Max(1, values.Length / conventions.SampleSize);
        int limit = conventions.StopAtSampleSize ? Math.Min(values.Length, conventions.SampleSize + 1) : (values.Length + stride - 1) / stride;
        double[] buffer = ArrayPool<double>.Shared.Rent(limit);
        count = 0;
        for (int i = 0; i < values.Length && count < limit; i += stride)
        {
            double v = toDouble(values[i]);
            if (double.IsFinite(v)) buffer[count++] = v;
        }

        return buffer;
    }
}
