using EpochLens.Logs;

namespace EpochLens.Core.Tests.Logs;

public sealed class MetricSeriesBuilderTests
{
    [Fact]
    public void Increasing_steps_are_appended_in_order()
    {
        var builder = new MetricSeriesBuilder("loss");

        Assert.Equal(StepOrder.Appended, builder.Add(0, 2.5));
        Assert.Equal(StepOrder.Appended, builder.Add(10, 2.0));
        var series = builder.Build(SeriesRole.TrainLoss);

        Assert.Equal([0L, 10L], series.Steps.ToArray());
        Assert.Equal([2.5, 2.0], series.Values.ToArray());
        Assert.Equal(SeriesRole.TrainLoss, series.Role);
        Assert.False(series.HasWallTimes);
    }

    [Fact]
    public void A_repeated_step_keeps_the_later_value()
    {
        var builder = new MetricSeriesBuilder("loss");
        builder.Add(0, 1);
        builder.Add(1, 2);

        Assert.Equal(StepOrder.ReplacedDuplicate, builder.Add(1, 3));

        Assert.Equal([1.0, 3.0], builder.Build().Values.ToArray());
    }

    [Fact]
    public void A_step_that_goes_back_supersedes_the_points_from_that_step_on()
    {
        var builder = new MetricSeriesBuilder("loss");
        for (int step = 0; step < 2000; step++)
        {
            builder.Add(step, step);
        }

        // A run resumed from a checkpoint at step 1500 logs 1500.. again.
        Assert.Equal(StepOrder.Restarted, builder.Add(1500, -1));
        Assert.Equal(500, builder.LastRemoved);
        builder.Add(1501, -2);
        var series = builder.Build();

        Assert.Equal(1502, series.Count);
        Assert.Equal(1499L, series.Steps[1499]);
        Assert.Equal(-1.0, series.Values[1500]);
        Assert.Equal(1501L, series.Steps[^1]);
    }

    [Fact]
    public void Restarting_across_storage_chunks_keeps_exactly_the_earlier_points()
    {
        var builder = new MetricSeriesBuilder("loss", keepWallTimes: true);
        for (int step = 0; step < 200_000; step++)
        {
            builder.Add(step * 2, step, wallTime: 1000 + step);
        }

        builder.Add(70_001, 7);
        var series = builder.Build();

        Assert.Equal(35_002, series.Count);
        Assert.Equal(70_000L, series.Steps[35_000]);
        Assert.Equal(70_001L, series.Steps[^1]);
        Assert.Equal(7.0, series.Values[^1]);
        Assert.Equal(1000 + 35_000, series.WallTimes[35_000]);
    }

    [Fact]
    public void Non_finite_values_are_kept_and_counted()
    {
        var builder = new MetricSeriesBuilder("loss");
        builder.Add(0, double.NaN);
        builder.Add(1, double.PositiveInfinity);
        builder.Add(2, 1);

        var series = builder.Build();

        Assert.Equal(3, series.Count);
        Assert.Equal(2, series.NonFiniteCount);
    }

    [Fact]
    public void A_series_refuses_steps_that_do_not_increase()
    {
        var error = Assert.Throws<ArgumentException>(() => new MetricSeries("loss", [0, 5, 5], [1, 2, 3]));

        Assert.Contains("step 5 follows 5", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new MetricSeries("loss", [0, 1], [1]));
    }

    [Fact]
    public void Discarding_across_a_chunk_boundary_and_appending_past_the_old_end_keeps_every_point()
    {
        var builder = new MetricSeriesBuilder("loss");
        for (int step = 0; step < 70_000; step++)
        {
            builder.Add(step, step);
        }

        Assert.Equal(10_000, builder.DiscardFrom(60_000));
        Assert.Equal(StepOrder.Appended, builder.Add(80_000, -1));
        builder.Add(80_001, -2);
        var series = builder.Build();

        Assert.Equal(60_002, series.Count);
        Assert.Equal(59_999L, series.Steps[59_999]);
        Assert.Equal([80_000L, 80_001L], series.Steps[^2..].ToArray());
        Assert.Equal([-1.0, -2.0], series.Values[^2..].ToArray());
    }

    [Fact]
    public void A_series_grows_from_a_small_first_chunk_without_losing_points()
    {
        var builder = new MetricSeriesBuilder("loss", keepWallTimes: true);
        for (int step = 0; step < 150_000; step++)
        {
            builder.Add(step, -step, wallTime: step / 2.0);
        }

        var series = builder.Build();

        Assert.Equal(150_000, series.Count);
        for (int i = 0; i < series.Count; i += 997)
        {
            Assert.Equal(i, series.Steps[i]);
            Assert.Equal(-i, series.Values[i]);
            Assert.Equal(i / 2.0, series.WallTimes[i]);
        }
    }

    [Fact]
    public void Many_short_series_stay_small()
    {
        long before = GC.GetAllocatedBytesForCurrentThread();
        var builders = Enumerable.Range(0, 2000).Select(i => new MetricSeriesBuilder($"key{i}")).ToList();
        foreach (var builder in builders)
        {
            builder.Add(0, 1);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // 2000 series of one point each: a few kilobytes apiece, not a megabyte.
        Assert.True(allocated < 2000 * 16 * 1024, $"{allocated / 1024 / 1024} MiB for 2000 one-point series");
    }
}
