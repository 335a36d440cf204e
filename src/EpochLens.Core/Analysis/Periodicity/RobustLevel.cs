using System.Buffers;

namespace EpochLens.Analysis.Periodicity;

/// <summary>Median and a robust standard deviation of the finite values of a series.</summary>
internal readonly record struct RobustLevel(double Median, double Scale)
{
    /// <summary>Long series are summarised from this many evenly spaced values: the estimate's error is then far below what it is used for.</summary>
    private const int SampleSize = 1 << 16;

    /// <summary>Scale 0 means the finite values are all equal (or there are none).</summary>
    public static RobustLevel Of(ReadOnlySpan<double> values) => Of(values, static v => v);

    public static RobustLevel Of(ReadOnlySpan<float> values) => Of(values, static v => v);

    private static RobustLevel Of<T>(ReadOnlySpan<T> values, Func<T, double> toDouble)
    {
        int step = Math.Max(1, values.Length / SampleSize);
        double[] buffer = ArrayPool<double>.Shared.Rent(Math.Min(values.Length, SampleSize + 1));
        try
        {
            int count = 0;
            for (int i = 0; i < values.Length && count < buffer.Length; i += step)
            {
                double v = toDouble(values[i]);
                if (double.IsFinite(v))
                {
                    buffer[count++] = v;
                }
            }

            return FromSample(buffer.AsSpan(0, count));
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }
    }

    /// <summary>From finite values, which it reorders.</summary>
    public static RobustLevel FromSample(Span<double> sample)
    {
        if (sample.Length == 0)
        {
            return new RobustLevel(0, 0);
        }

        double median = Selection.Median(sample);
        double absoluteSum = 0;
        for (int i = 0; i < sample.Length; i++)
        {
            sample[i] = Math.Abs(sample[i] - median);
            absoluteSum += sample[i];
        }

        // 1.4826 MAD estimates a normal standard deviation; quantised losses (many equal steps) can have MAD 0,
        // then the mean absolute deviation (x 1.2533 for a normal) still measures the spread.
        double scale = 1.4826 * Selection.Median(sample);
        if (scale == 0)
        {
            scale = 1.2533 * absoluteSum / sample.Length;
        }

        return new RobustLevel(median, scale);
    }
}
