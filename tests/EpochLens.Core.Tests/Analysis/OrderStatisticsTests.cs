using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>Selection in place gives the same order statistics as sorting, ties and all.</summary>
public sealed class OrderStatisticsTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(7)]
    [InlineData(64)]
    [InlineData(1001)]
    public void Every_rank_is_the_value_sorting_puts_there(int n)
    {
        var random = new Random(n);
        var values = Enumerable.Range(0, n).Select(_ => (double)random.Next(-5, 6)).ToArray(); // many ties
        var sorted = values.Order().ToArray();

        for (int k = 0; k < n; k++)
        {
            var copy = values.ToArray();
            Assert.Equal(sorted[k], OrderStatistics.Select(copy.AsSpan(), k));
            Assert.All(copy.Take(k), v => Assert.True(v <= sorted[k]));
        }
    }

    [Fact]
    public void Sorted_and_reversed_input_select_correctly()
    {
        var ascending = Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray();
        var descending = ascending.Reverse().ToArray();

        Assert.Equal(50_000, OrderStatistics.UpperMedian(ascending.AsSpan()));
        Assert.Equal(50_000, OrderStatistics.UpperMedian(descending.AsSpan()));
    }

    [Theory]
    [InlineData(new[] { 3.0, 1, 2 }, 2, 2)]
    [InlineData(new[] { 4.0, 1, 3, 2 }, 3, 2.5)]
    [InlineData(new[] { 2.0, 1 }, 2, 1.5)]
    [InlineData(new[] { 5.0, 5, 1, 1 }, 5, 3)]
    public void The_upper_median_and_the_median_of_an_even_count_differ(double[] values, double upper, double median)
    {
        Assert.Equal(upper, OrderStatistics.UpperMedian(values.ToArray().AsSpan()));
        Assert.Equal(median, OrderStatistics.Median(values.ToArray()));
    }

    [Fact]
    public void Integer_counts_have_an_upper_median()
    {
        int[] counts = [9, 1, 4, 4];

        Assert.Equal(4, OrderStatistics.UpperMedian(counts.AsSpan()));
    }

    [Theory]
    [InlineData(0.0, 0)]
    [InlineData(0.5, 5)]
    [InlineData(0.99, 9)]
    [InlineData(1.0, 9)]
    public void A_quantile_is_the_value_at_rank_floor_q_n(double q, double expected)
    {
        var values = Enumerable.Range(0, 10).Select(i => (double)(9 - i)).ToArray();

        Assert.Equal(expected, OrderStatistics.Quantile(values, q));
    }
}
