using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Training;

/// <summary>Each cause switch must leave the mark in the telemetry that its cause is diagnosed by.</summary>
[Trait("Category", "Torch")] // trains or loads libtorch: the slow tests, left out of the fast run
public sealed class CauseSwitchTests
{
    [Theory]
    [InlineData(SampleOrder.Fixed)]
    [InlineData(SampleOrder.SortedByLabel)]
    [InlineData(SampleOrder.ReseededEachEpoch)]
    public void Fixed_order_repeats_the_same_sample_order_every_epoch(SampleOrder order)
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { Order = order }));

        var orders = Enumerable.Range(0, 3).Select(e => sink.InEpoch(e).SelectMany(s => s.SampleIds).ToArray()).ToArray();
        Assert.Equal(orders[0], orders[1]);
        Assert.Equal(orders[0], orders[2]);
        Assert.Equal(Enumerable.Range(0, 60), orders[0].Order());
    }

    [Fact]
    public void Sorted_by_label_visits_the_classes_in_order()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { Order = SampleOrder.SortedByLabel }));

        var labels = sink.InEpoch(0).Select(s => TrainingRuns.Embedded.Train.Labels[s.SampleIds[0]]).ToArray();
        Assert.Equal(labels.Order(), labels);
        Assert.True(labels.Distinct().Count() > 1);
    }

    [Fact]
    public void Reseeded_order_looks_random_but_repeats()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { Order = SampleOrder.ReseededEachEpoch }));

        var order = sink.InEpoch(0).Select(s => s.SampleIds[0]).ToArray();
        Assert.NotEqual(Enumerable.Range(0, 60), order);
    }

    [Fact]
    public void Running_mean_logging_logs_the_mean_of_the_epoch_so_far_and_resets_at_each_epoch()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { RunningMeanLogging = true }));

        foreach (var epoch in Enumerable.Range(0, 3))
        {
            var steps = sink.InEpoch(epoch).ToArray();
            for (int k = 0; k < steps.Length; k++)
            {
                double mean = steps.Take(k + 1).Average(s => s.Loss);
                Assert.Equal(mean, steps[k].LoggedLoss, 4);
            }

            // The reset: each epoch's first logged value is that step's own loss.
            Assert.Equal(steps[0].Loss, steps[0].LoggedLoss, 5);
        }
    }

    [Fact]
    public void Without_running_mean_logging_the_logged_loss_is_the_raw_loss()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small());

        Assert.All(sink.Steps, s => Assert.Equal(s.Loss, s.LoggedLoss));
    }

    [Fact]
    public void A_batch_size_that_does_not_divide_the_epoch_leaves_a_short_last_batch_that_a_summed_loss_shows()
    {
        var summed = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { LossReduction = LossReduction.Sum }) with { BatchSize = 16 });

        foreach (var epoch in Enumerable.Range(0, 3))
        {
            Assert.Equal([16, 16, 16, 12], summed.InEpoch(epoch).Select(s => s.BatchSize));
        }

        // A summed loss grows with the batch: the 12-sample batch logs clearly less than the 16-sample ones.
        var fullBatchMean = summed.Steps.Where(s => s.BatchSize == 16).Average(s => s.Loss);
        var lastBatchMean = summed.Steps.Where(s => s.BatchSize == 12).Average(s => s.Loss);
        Assert.True(lastBatchMean < fullBatchMean * 0.9, $"summed loss of the short batch {lastBatchMean:F2} vs full {fullBatchMean:F2}");

        var dropped = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { DropLast = true }) with { BatchSize = 16 });
        Assert.All(dropped.Steps, s => Assert.Equal(16, s.BatchSize));
        Assert.Equal(9, dropped.Steps.Count);
    }

    [Fact]
    public void Rebuilding_the_optimizer_restarts_its_step_count_every_epoch()
    {
        var rebuilt = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { RebuildOptimizerEachEpoch = true }));
        var kept = TrainingRuns.Record(TrainingRuns.Small());

        foreach (var epoch in Enumerable.Range(0, 3))
        {
            Assert.Equal(Enumerable.Range(1, 60).Select(i => (long)i), rebuilt.InEpoch(epoch).Select(s => s.OptimizerStep));
        }

        Assert.Equal(Enumerable.Range(1, 180).Select(i => (long)i), kept.Steps.Select(s => s.OptimizerStep));
    }

    [Fact]
    public void Warm_restarts_reset_the_learning_rate_at_every_boundary()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { LrWarmRestarts = true }));

        foreach (var epoch in Enumerable.Range(0, 3))
        {
            var rates = sink.InEpoch(epoch).Select(s => s.LearningRate).ToArray();
            Assert.Equal(1e-3, rates[0], 12);
            Assert.True(rates.Zip(rates.Skip(1)).All(p => p.Second < p.First), "the rate falls within the epoch");
            Assert.True(rates[^1] < 1e-5);
        }

        Assert.All(TrainingRuns.Record(TrainingRuns.Small()).Steps, s => Assert.Equal(1e-3, s.LearningRate, 12));
    }

    [Fact]
    public void Reloading_weights_at_the_boundary_shows_as_a_jump_in_the_parameters()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { ReloadWeightsAtBoundary = true }));

        var typical = Median(sink.Steps.Where(s => s.Position > 0).Select(s => s.UpdateNorm!.Value));
        foreach (var epoch in new[] { 1, 2 })
        {
            // The first record of an epoch spans the reload: half an epoch of updates undone at once.
            var first = sink.InEpoch(epoch).First().UpdateNorm!.Value;
            Assert.True(first > 5 * typical, $"epoch {epoch}: first change {first:G3} vs typical {typical:G3}");
        }

        var healthy = TrainingRuns.Record(TrainingRuns.Small());
        var healthyTypical = Median(healthy.Steps.Where(s => s.Position > 0).Select(s => s.UpdateNorm!.Value));
        Assert.All(healthy.Steps.Where(s => s.Position == 0 && s.Epoch > 0), s => Assert.True(s.UpdateNorm!.Value < 5 * healthyTypical));
    }

    [Fact]
    public void A_short_accumulation_group_stepped_with_the_wrong_scale_steps_at_the_epoch_end()
    {
        // 60 samples in batches of 6: 10 batches per epoch; groups of 4 leave a short group of 2.
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { GradAccumulation = 4 }) with { BatchSize = 6 });

        var epoch0 = sink.InEpoch(0).ToArray();
        Assert.Equal([0L, 0, 0, 1, 1, 1, 1, 2, 2, 3], epoch0.Select(s => s.OptimizerStep));
        Assert.Equal(0.0, epoch0[0].UpdateNorm!.Value);
        Assert.True(epoch0[9].UpdateNorm!.Value > 0, "the short group is stepped");
        Assert.Equal(9L, sink.Steps[^1].OptimizerStep);
    }

    [Fact]
    public void A_leaking_accumulation_group_is_never_stepped_and_inflates_the_next_epochs_first_gradient()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { GradAccumulation = 4, AccumulationLeftover = AccumulationLeftover.Leak }) with { BatchSize = 6 });

        var epoch0 = sink.InEpoch(0).ToArray();
        var epoch1 = sink.InEpoch(1).ToArray();
        Assert.Equal([0L, 0, 0, 1, 1, 1, 1, 2, 2, 2], epoch0.Select(s => s.OptimizerStep));
        Assert.Equal(0.0, epoch0[9].UpdateNorm!.Value);
        Assert.Equal(3L, epoch1[3].OptimizerStep);
        // The gradient carried over from the unstepped group adds to the next epoch's first batch: compare
        // with the run that stepped that group, identical until then.
        var stepped = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { GradAccumulation = 4 }) with { BatchSize = 6 });
        var carried = epoch1[0].GradNorm!.Value;
        var fresh = stepped.InEpoch(1).First().GradNorm!.Value;
        Assert.True(carried > 1.3 * fresh, $"first gradient of epoch 1 with the leak {carried:G3} vs without {fresh:G3}");
    }

    [Fact]
    public void Memorize_trains_on_a_small_subset_only()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { MemorizeSubset = 20 }));

        Assert.Equal(60, sink.Steps.Count);
        Assert.All(sink.Steps, s => Assert.InRange(s.SampleIds[0], 0, 19));
        Assert.Equal(20, sink.InEpoch(2).Select(s => s.SampleIds[0]).Distinct().Count());
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }
}
