namespace EpochLens.Analysis;

/// <summary>
/// How <see cref="RobustStatistics"/> reads a series: how long series are thinned and which value is the median of
/// an even count. The callers' thresholds were tuned with different conventions, so each keeps its own.
/// </summary>
/// <param name="SampleSize">Series up to this long are read whole; longer ones at every (length / size)-th value.</param>
/// <param name="StopAtSampleSize">Stop after size + 1 finite values, instead of reading the series' whole length at that stride.</param>
/// <param name="UpperMedian">The upper middle value of an even count, instead of the mean of the two middle values.</param>
internal readonly record struct RobustConventions(int SampleSize, bool StopAtSampleSize, bool UpperMedian)
{
    /// <summary>The public <see cref="RobustStatistics.Median"/> and <see cref="RobustStatistics.RobustSd"/>: the textbook median of up to 200,001 values.</summary>
    public static RobustConventions General { get; } = new(200_000, StopAtSampleSize: true, UpperMedian: false);

    /// <summary>The periodicity analysis: the upper median of 65,536 to 131,071 values spread over the whole series.</summary>
    public static RobustConventions Spectral { get; } = new(1 << 16, StopAtSampleSize: false, UpperMedian: true);
}
