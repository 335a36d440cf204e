using EpochLens.Reports.Figures;

namespace EpochLens.Reports.Tests;

public class MinMaxDecimatorTests
{
    [Theory]
    [InlineData(1_234_567, 1000.0)]
    [InlineData(9_999_998, -1000.0)]
    [InlineData(0, 1000.0)]
    public void A_single_spike_in_ten_million_points_survives_at_its_step_and_height(int at, double spike)
    {
        const int Count = 10_000_000;
        var steps = new long[Count];
        var values = new double[Count];
        var rng = new Random(7);
        for (int i = 0; i < Count; i++)
        {
            steps[i] = i;
            values[i] = 1 + (0.01 * rng.NextDouble());
        }

        values[at] = spike;

        var (x, y) = MinMaxDecimator.Decimate(steps, values, 900);

        Assert.True(x.Length <= 2 * 900, $"{x.Length} points for 900 columns");
        int index = Array.IndexOf(y, spike);
        Assert.True(index >= 0, "the spike was decimated away");
        Assert.Equal(at, x[index]);
        Assert.Single(y, v => v == spike);
    }

    [Fact]
    public void Points_stay_in_order_and_keep_each_columns_extremes()
    {
        var x = Enumerable.Range(0, 1000).Select(i => (double)i).ToArray();
        var y = x.Select(v => Math.Sin(v / 10)).ToArray();

        var (dx, dy) = MinMaxDecimator.Decimate(x, y, 10);

        Assert.Equal(dx.Order().ToArray(), dx);
        Assert.Equal(y.Max(), dy.Max());
        Assert.Equal(y.Min(), dy.Min());
        Assert.True(dx.Length <= 20);
    }

    [Fact]
    public void Short_series_pass_through_without_their_non_finite_points()
    {
        double[] x = [0, 1, 2, 3];
        double[] y = [1, double.NaN, 3, double.PositiveInfinity];

        var (dx, dy) = MinMaxDecimator.Decimate(x, y, 100);

        Assert.Equal([0.0, 2.0], dx);
        Assert.Equal([1.0, 3.0], dy);
    }

    [Fact]
    public void An_envelope_covers_every_points_band()
    {
        var x = Enumerable.Range(0, 10_000).Select(i => (double)i).ToArray();
        var lower = x.Select(v => -1.0 - (v == 4321 ? 50 : 0)).ToArray();
        var upper = x.Select(v => 1.0 + (v == 8765 ? 70 : 0)).ToArray();

        var (ex, el, eu) = MinMaxDecimator.Envelope(x, lower, upper, 100);

        Assert.True(ex.Length <= 100);
        Assert.Equal(-51, el.Min());
        Assert.Equal(71, eu.Max());
    }
}
