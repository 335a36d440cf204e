using EpochLens.Analysis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Analysis;

public class SignalPreparationTests
{
    [Fact]
    public void A_fast_falling_curve_leaves_no_sawtooth_in_the_residuals()
    {
        // A moving average alone bends away from a convex curve; folded by epoch, that bias would be a sawtooth.
        var rng = new Random(5);
        const int PerEpoch = 400, Epochs = 6;
        var steps = new long[PerEpoch * Epochs];
        var values = new double[steps.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            steps[t] = t;
            values[t] = (2 * Math.Exp(-t / 500.0)) + 0.2 + (0.01 * RotationTestTests.Normal(rng));
        }

        var signal = Prepare(steps, values, PerEpoch);
        var profile = PhaseProfile.Fold(signal);
        var slope = WithinEpochSlope.Measure(signal, profile)!;
        Assert.True(slope.PValue > 0.01, $"slope {slope.Value} p = {slope.PValue}");
    }

    [Fact]
    public void A_planted_epoch_pattern_survives_the_detrending()
    {
        var rng = new Random(8);
        const int PerEpoch = 300, Epochs = 8;
        var steps = new long[PerEpoch * Epochs];
        var values = new double[steps.Length];
        for (int t = 0; t < steps.Length; t++)
        {
            steps[t] = t;
            double sawtooth = 0.3 * ((t % PerEpoch) / (double)PerEpoch - 0.5);
            values[t] = Math.Exp(Math.Log(1.5 * Math.Exp(-t / 2000.0) + 0.1) + sawtooth + (0.1 * RotationTestTests.Normal(rng)));
        }

        var signal = Prepare(steps, values, PerEpoch);
        Assert.True(signal.LogSpace);
        var profile = PhaseProfile.Fold(signal);
        var slope = WithinEpochSlope.Measure(signal, profile)!;
        Assert.True(slope.Value > 1, $"rise {slope.Value}");
        Assert.True(slope.PValue < 1e-3, $"p = {slope.PValue}");

        // Recovered in robust SDs: 0.3 in log space over noise of 0.1 is a rise of about 3.
        Assert.InRange(slope.Value, 2, 4);
    }

    [Fact]
    public void Points_are_placed_in_their_epoch_and_bin_with_sparse_logging()
    {
        var steps = Enumerable.Range(0, 200).Select(i => (long)(i * 10)).ToArray();
        var values = steps.Select(s => 1.0 + (s % 7)).ToArray();
        var signal = Prepare(steps, values, 250);
        Assert.Equal(10, signal.BinWidth);
        Assert.Equal(25, signal.BinCount);
        int index = Array.IndexOf(steps, 260L);
        Assert.Equal(1, signal.Epochs[index]);
        Assert.Equal(1, signal.Bins[index]);
    }

    [Fact]
    public void Non_finite_values_are_left_out_and_non_positive_series_stay_linear()
    {
        var steps = Enumerable.Range(0, 100).Select(i => (long)i).ToArray();
        var values = steps.Select(s => s % 10 == 3 ? double.NaN : Math.Sin(s) - 0.5).ToArray();
        var signal = Prepare(steps, values, 20);
        Assert.Equal(90, signal.Count);
        Assert.False(signal.LogSpace);
    }

    private static PreparedSignal Prepare(long[] steps, double[] values, double perEpoch)
    {
        var series = new MetricSeries("loss", steps, values, role: SeriesRole.TrainLoss);
        var structure = EpochStructure.Regular(perEpoch, 0, steps[^1], EpochSource.Given, "test");
        return SignalPreparation.Prepare(series, structure);
    }
}
