namespace EpochLens.Analysis;

/// <summary>
/// The median of a sample of <paramref name="Count"/> values and two spreads around it: the median absolute deviation
/// (MAD), and the sum of the absolute deviations, whose mean still measures the spread of quantised values with MAD 0.
/// </summary>
internal readonly record struct RobustSpread(double Median, double Mad, double AbsoluteDeviationSum, int Count);
