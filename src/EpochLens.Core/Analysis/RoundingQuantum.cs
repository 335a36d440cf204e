namespace EpochLens.Analysis;

/// <summary>
/// The decimal step the logged values were rounded to (Keras prints four decimals, many scripts print a fixed
/// number), or 0 when they carry full precision. De-averaging multiplies rounding errors by the position in the
/// epoch, so checks on de-averaged values must allow for it.
/// </summary>
public static class RoundingQuantum
{
    /// <summary>Finer steps than this are the value type's own precision, not a printed rounding.</summary>
    private const int MaxDecimals = 6;

    private const int MaxSample = 4096;

    /// <summary>10^-d for the fewest decimals d (1 to 6) that all sampled finite values fit, or 0.</summary>
    public static double Of(ReadOnlySpan<double> values)
    {
        int stride = Math.Max(1, values.Length / MaxSample);
        for (int decimals = 1; decimals <= MaxDecimals; decimals++)
        {
            double scale = Math.Pow(10, decimals);
            bool fits = true;
            int seen = 0;
            for (int i = 0; i < values.Length && fits; i += stride)
            {
                double v = values[i];
                if (!double.IsFinite(v)) continue;

                seen++;
                double scaled = v * scale;
                // Relative slack: a value printed to d decimals and stored as float32 is off by ~1e-7 relative.
                fits = Math.Abs(scaled - Math.Round(scaled)) <= Math.Min(0.01, 1e-6 * Math.Max(1, Math.Abs(scaled)));
            }

            if (fits && seen >= 20) return 1 / scale;
        }

        return 0;
    }
}
