using EpochLens.Logs;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

public sealed class CsvSeriesBuilderTests
{
    [Theory]
    [InlineData(1, -1, 0)] // never reserved: the chunked builder underneath
    [InlineData(2, 0, 0)] // reserved at the start with no room: grows on overflow
    [InlineData(3, 10, 10)] // reserved after some points with too little room
    [InlineData(4, 100, 5000)] // room to spare: trimmed at the end
    public void Behaves_as_the_metric_series_builder_with_restarts_duplicates_and_growth(int seed, int reserveAt, int room)
    {
        var random = new Random(seed);
        var expected = new MetricSeriesBuilder("loss", keepWallTimes: true);
        var actual = new CsvSeriesBuilder("loss", keepWallTimes: true);
        long step = 0;
        for (int i = 0; i < 4000; i++)
        {
            if (i == reserveAt)
            {
                actual.Reserve(room);
            }

            int roll = random.Next(100);
            step = roll < 3 ? Math.Max(0, step - random.Next(1, 300)) : roll < 6 ? step : step + random.Next(1, 4);
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
        Assert.Equal(want.Role, got.Role);
    }

    [Fact]
    public void Exact_room_is_handed_over_as_it_is()
    {
        var builder = new CsvSeriesBuilder("loss", keepWallTimes: false);
        builder.Reserve(3);
        for (int i = 0; i < 3; i++)
        {
            Assert.Equal(StepOrder.Appended, builder.Add(i, i * 0.5, double.NaN));
        }

        var series = builder.Build();
        Assert.Equal([0L, 1, 2], series.Steps.ToArray());
        Assert.Equal([0, 0.5, 1], series.Values.ToArray());
        Assert.False(series.HasWallTimes);
    }
}
