using EpochLens.Analysis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Analysis;

public class SharpestBoundaryTests
{
    [Fact]
    public void A_running_mean_logged_every_ten_steps_places_its_reset_to_the_logged_point()
    {
        var loss = RunningMean(stepsPerEpoch: 1003, epochs: 6, every: 10, seed: 1);
        var (period, standsOut) = EpochResolver.SharpestBoundary(loss, 1010, 0);
        Assert.True(standsOut);
        Assert.InRange(period, 1001, 1005);
    }

    [Fact]
    public void A_one_point_spike_at_each_epoch_start_does_not_pull_the_length_a_point_late()
    {
        // The change out of the spike is as large as the change into it: the length must still put the spike first.
        var loss = RunningMean(stepsPerEpoch: 1003, epochs: 6, every: 10, seed: 2, firstPointSpike: true);
        var (period, _) = EpochResolver.SharpestBoundary(loss, 1012, 0);
        Assert.InRange(period, 1001, 1005);
    }

    [Fact]
    public void Without_a_boundary_effect_the_length_is_left_alone()
    {
        var random = new Random(3);
        var steps = Enumerable.Range(0, 600).Select(i => i * 10L).ToArray();
        var values = steps.Select(_ => Math.Exp(0.2 * SyntheticLoss.Normal(random))).ToArray();
        var (period, standsOut) = EpochResolver.SharpestBoundary(new MetricSeries("loss", steps, values), 1010, 0);
        Assert.False(standsOut);
        Assert.Equal(1010, period);
    }

    /// <summary>The mean of each epoch's per-step losses so far, logged every <paramref name="every"/> steps.</summary>
    private static MetricSeries RunningMean(int stepsPerEpoch, int epochs, int every, int seed, bool firstPointSpike = false)
    {
        var random = new Random(seed);
        var steps = new List<long>();
        var values = new List<double>();
        double sum = 0;
        int count = 0;
        for (long step = 0; step < (long)stepsPerEpoch * epochs; step++)
        {
            if (step % stepsPerEpoch == 0)
            {
                (sum, count) = (0, 0);
            }

            sum += Math.Exp(-step / 4000.0) * Math.Exp(0.5 * SyntheticLoss.Normal(random));
            count++;
            bool first = firstPointSpike && count == 1;
            if (step % every == 0 || first)
            {
                steps.Add(step);
                values.Add(sum / count);
            }
        }

        return new MetricSeries("loss", [.. steps], [.. values]);
    }
}
