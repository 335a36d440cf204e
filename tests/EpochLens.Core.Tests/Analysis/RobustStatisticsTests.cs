using EpochLens.Analysis;
using EpochLens.Analysis.Periodicity;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>The one robust location and scale, on values whose median and MAD are known by hand.</summary>
public sealed class RobustStatisticsTests
{
    [Theory]
    [InlineData(new[] { 5.0, 1, 3 }, 3)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 2.5)]
    [InlineData(new[] { 2.0, 2, 2, 7 }, 2)]
    [InlineData(new[] { 1.0, 2, 2, 7 }, 2)]
    [InlineData(new[] { -1.0 }, -1)]
    public void The_median_is_the_middle_value_or_the_mean_of_the_two_middle_values(double[] values, double median) =>
        Assert.Equal(median, RobustStatistics.Median(values));

    [Fact]
    public void Missing_and_infinite_values_are_left_out()
    {
        double[] values = [double.NaN, 1, double.PositiveInfinity, 2, double.NegativeInfinity, 9];

        Assert.Equal(2, RobustStatistics.Median(values));
        Assert.Equal(RobustStatistics.MadToSd * 1, RobustStatistics.RobustSd(values), 12);
    }

    [Fact]
    public void Without_a_finite_value_there_is_no_median_or_spread()
    {
        Assert.True(double.IsNaN(RobustStatistics.Median([double.NaN, double.PositiveInfinity])));
        Assert.True(double.IsNaN(RobustStatistics.RobustSd([])));
    }

    [Theory]
    [InlineData(new[] { 1.0, 2, 3, 4, 100 }, 1)]
    [InlineData(new[] { 1.0, 2, 3, 4 }, 1)]
    [InlineData(new[] { 7.0, 7, 7, 8 }, 0)]
    public void The_robust_sd_is_the_median_absolute_deviation_times_the_normal_constant(double[] values, double mad) =>
        Assert.Equal(RobustStatistics.MadToSd * mad, RobustStatistics.RobustSd(values), 12);

    [Fact]
    public void An_outlier_moves_neither_the_median_nor_the_robust_sd()
    {
        var values = Enumerable.Range(1, 101).Select(i => (double)i).ToArray();

        values[100] = 1e9;

        Assert.Equal(51, RobustStatistics.Median(values));
        Assert.Equal(RobustStatistics.MadToSd * 25, RobustStatistics.RobustSd(values), 12);
    }

    [Fact]
    public void The_periodicity_level_takes_the_upper_median_and_1_4826_mad()
    {
        var level = RobustLevel.Of([4.0, 1, 3, 2, double.NaN]);

        Assert.Equal(3, level.Median);
        Assert.Equal(1.4826 * 1, level.Scale, 12); // deviations from 3: 2, 1, 0, 1 -> upper median 1
    }

    [Fact]
    public void A_quantised_series_with_mad_0_still_gets_a_spread_from_the_mean_absolute_deviation()
    {
        var level = RobustLevel.Of([1f, 1f, 1f, 1f, 5f]);

        Assert.Equal(1, level.Median);
        Assert.Equal(1.2533 * 4 / 5, level.Scale, 12);
    }

    [Fact]
    public void A_periodicity_level_of_nothing_is_zero() =>
        Assert.Equal(new RobustLevel(0, 0), RobustLevel.Of(ReadOnlySpan<double>.Empty));

    [Fact]
    public void A_long_series_is_summarised_from_a_sample_close_to_the_exact_values()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 1_000_000).Select(_ => random.NextDouble()).ToArray();

        Assert.Equal(0.5, RobustStatistics.Median(values), 2);
        Assert.Equal(RobustStatistics.MadToSd * 0.25, RobustStatistics.RobustSd(values), 2);
        Assert.Equal(0.5, RobustLevel.Of(values).Median, 2);
    }
}
