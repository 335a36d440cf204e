using EpochLens.Analysis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Analysis;

public class ResidualPeriodogramTests
{
    [Theory]
    [InlineData(262)]
    [InlineData(600)]
    [InlineData(5039)]
    public void A_pattern_that_repeats_every_epoch_peaks_at_whole_cycles_per_epoch(int perEpoch)
    {
        var random = new Random(perEpoch);
        var steps = Enumerable.Range(0, perEpoch * 12).Select(i => (long)i).ToArray();
        // A sawtooth through each epoch on noise: its harmonics sit at 1, 2, 3 ... cycles per epoch.
        var values = steps.Select(s => Math.Exp((0.8 * (s % perEpoch) / perEpoch) + (0.3 * Normal(random)))).ToArray();
        var series = new MetricSeries("loss", steps, values, role: SeriesRole.TrainLoss);
        var signal = SignalPreparation.Prepare(series, EpochStructure.Regular(perEpoch, 0, steps[^1], EpochSource.Given, "test"));

        var periodogram = ResidualPeriodogram.Compute(signal)!;

        int peak = Array.IndexOf(periodogram.Power, periodogram.Power.Max());
        Assert.InRange(periodogram.CyclesPerEpoch[peak], 0.95, 1.05);
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
