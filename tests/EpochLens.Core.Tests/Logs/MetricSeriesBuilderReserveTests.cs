using EpochLens.Logs;

namespace EpochLens.Core.Tests.Logs;

/// <summary>A builder given room up front follows the same rules as one that grows chunk by chunk.</summary>
public sealed class MetricSeriesBuilderReserveTests
{
    [Theory]
    [InlineData(1, 70_000)] // room to spare: copied to its length at the end
    [InlineData(2, 100_000)] // more room than points, past several chunks' worth
    [InlineData(3, 66_000)] // too little room: later points go to chunks after it
    public void Reserved_builder_behaves_as_the_chunked_one_with_restarts_duplicates_and_growth(int seed, int room)
    {
        var random = new Random(seed);
        var expected = new MetricSeriesBuilder("loss", keepWallTimes: true);
        var actual = new MetricSeriesBuilder("loss", keepWallTimes: true);
        Assert.True(actual.Reserve(room));
        long step = 0;
        for (int i = 0; i < 80_000; i++)
        {
            int roll = random.Next(1000);
            step = roll < 3 ? Math.Max(0, step - random.Next(1, 3000)) : roll < 6 ? step : step + random.Next(1, 4);
            double value = random.NextDouble();
            double wall = 1e9 + i;
            Assert.Equal(expected.Add(step, value, wall), actual.Add(step, value, wall));
            Assert.Equal(expected.LastRemoved, actual.LastRemoved);
            Assert.Equal(expected.Count, actual.Count);
        }

        var want = expected.Build(SeriesRole.TrainLoss);
        var got = actual.Build(SeriesRole.TrainLoss);
        Assert.Equal(want.Steps.ToArray(), got.Steps.ToArray());
        Assert.Equal(want.Values.ToArray(), got.Values.ToArray());
        Assert.Equal(want.WallTimes.ToArray(), got.WallTimes.ToArray());
    }

    [Fact]
    public void Exactly_filled_room_becomes_the_series_and_a_restart_to_the_start_gives_it_back()
    {
        var budget = new PointBudget(200_000);
        using (budget.Use())
        {
            var builder = new MetricSeriesBuilder("loss");
            Assert.True(builder.Reserve(100_000));
            Assert.False(builder.Reserve(100_000)); // only once, before the first point
            for (int i = 0; i < 100_000; i++)
            {
                Assert.Equal(StepOrder.Appended, builder.Add(i, i * 0.5));
            }

            var series = builder.Build();
            Assert.Equal(100_000, series.Count);
            Assert.Equal(99_999 * 0.5, series.Values[^1]);

            var again = new MetricSeriesBuilder("loss");
            Assert.False(again.Reserve(150_000)); // the budget has 100,000 points left
            Assert.True(budget.Exhausted);
        }
    }
}
