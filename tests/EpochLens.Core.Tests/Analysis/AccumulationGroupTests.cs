using EpochLens.Analysis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>The optimizer step counter of a run with gradient accumulation, read for a short group at the boundaries.</summary>
public class AccumulationGroupTests
{
    [Theory]
    [InlineData(1000, "wrong-scale", 1.0)] // 333 groups of 3, then the leftover batch stepped on its own
    [InlineData(1000, "leak", 1.0)] // the leftover never stepped: 4 steps from the epoch's last update to the next one
    [InlineData(999, "none", 0.0)] // batches per epoch a multiple of 3: every group whole
    public void A_short_group_shows_at_every_boundary_and_whole_groups_at_none(int stepsPerEpoch, string leftover, double expected)
    {
        const int K = 3, Epochs = 6;
        var steps = new List<long>();
        var counter = new List<double>();
        long updates = 0, step = 0, pending = 0;
        for (int e = 0; e < Epochs; e++)
        {
            // Groups are counted from each epoch's start, as a loop stepping when (position + 1) % K == 0 does.
            pending = 0;
            for (int p = 0; p < stepsPerEpoch; p++, step++)
            {
                pending++;
                bool last = p == stepsPerEpoch - 1;
                if (pending == K || (last && leftover == "wrong-scale"))
                {
                    updates++;
                    pending = 0;
                }

                steps.Add(step);
                counter.Add(updates);
            }
        }

        var log = new TrainingLog("run", "test",
        [
            new MetricSeries("loss", [.. steps], [.. steps.Select(_ => 1.0)], role: SeriesRole.TrainLoss),
            new MetricSeries("optimizer_step", [.. steps], [.. counter], role: SeriesRole.OptimizerStep),
        ]);
        var structure = EpochStructure.Regular(stepsPerEpoch, 0, steps[^1], EpochSource.Given, "test");

        var group = TelemetryProbes.Measure(log, structure).Single(m => m.Id == MeasurementIds.AccumulationGroupAtBoundary);

        Assert.Equal(expected, group.Value);
        Assert.Equal(Epochs - 1, group.SampleSize);
        if (expected > 0)
        {
            Assert.True(group.PValue < 1e-6, $"p = {group.PValue}");
        }
        else
        {
            Assert.Equal(1, group.PValue);
        }
    }
}
