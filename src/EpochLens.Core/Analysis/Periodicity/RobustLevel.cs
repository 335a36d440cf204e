namespace EpochLens.Analysis.Periodicity;

/// <summary>Median and a robust standard deviation of the finite values of a series, as the periodicity analysis measures them.</summary>
internal readonly record struct RobustLevel(double Median, double Scale)
{
    /// <summary>Scale 0 means the finite values are all equal (or there are none).</summary>
    public static RobustLevel Of(ReadOnlySpan<double> values) => From(RobustStatistics.Spread(values, RobustConventions.Spectral));

    public static RobustLevel Of(ReadOnlySpan<float> values) => From(RobustStatistics.Spread(values, RobustConventions.Spectral));

    private static RobustLevel From(RobustSpread? spread)
    {
        if (spread is not { } s) return new RobustLevel(0, 0);

        // 1.4826 MAD estimates a normal standard deviation; quantised losses (many equal steps) can have MAD 0,
        // then the mean absolute deviation (x 1.2533 for a normal) still measures the spread.
        double scale = 1.4826 * s.Mad;
        return new RobustLevel(s.Median, scale == 0 ? 1.2533 * s.AbsoluteDeviationSum / s.Count : scale);
    }
}
