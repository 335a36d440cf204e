using EpochLens.Torch.Model;
using EpochLens.Torch.Training;
using TorchSharp;

namespace EpochLens.Torch.Tests.Training;

[Trait("Category", "Torch")] // trains or loads libtorch: the slow tests, left out of the fast run
public sealed class TrainerTests
{
    [Fact]
    public void Training_a_few_hundred_steps_at_lr_1e_3_lowers_the_held_out_loss()
    {
        var options = new TrainOptions { SamplesPerEpoch = 400, Epochs = 1, LearningRate = 1e-3, Seed = 7 };
        torch.manual_seed(options.Seed);
        double before;
        using (var untrained = new SeedCnn())
        {
            (before, _) = Trainer.Evaluate(untrained, TrainingRuns.Embedded.HeldOut);
        }

        var sink = TrainingRuns.Record(options);

        var after = sink.Epochs.Single().HeldOutLoss;
        Assert.True(after < before - 0.5, $"held-out loss went from {before:F3} to {after:F3}");
        Assert.True(sink.Epochs.Single().HeldOutAccuracy > 0.4, $"accuracy {sink.Epochs.Single().HeldOutAccuracy:P0}");
    }

    [Fact]
    public void The_same_seed_gives_the_same_losses_and_another_seed_does_not()
    {
        var options = TrainingRuns.Small() with { Epochs = 2 };

        var first = TrainingRuns.Record(options).Steps.Select(s => s.Loss).ToArray();
        var second = TrainingRuns.Record(options).Steps.Select(s => s.Loss).ToArray();
        var other = TrainingRuns.Record(options with { Seed = options.Seed + 1 }).Steps.Select(s => s.Loss).ToArray();

        Assert.Equal(120, first.Length);
        Assert.Equal(first, second);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void Every_step_is_recorded_with_its_place_in_the_run()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small() with { BatchSize = 7 });

        // 60 samples in batches of 7: 8 full batches and one of 4, per epoch.
        Assert.Equal(27, sink.Steps.Count);
        Assert.Equal(Enumerable.Range(0, 27).Select(i => (long)i), sink.Steps.Select(s => s.Step));
        Assert.All(sink.Steps, s => Assert.Equal(s.Step % 9, s.Position));
        Assert.All(sink.Steps, s => Assert.Equal(s.Step / 9, s.Epoch));
        Assert.All(sink.Steps, s => Assert.Equal(s.SampleIds.Count, s.BatchSize));
        // 9 steps per epoch lie within the boundary windows of the default norm schedule: all are measured.
        Assert.All(sink.Steps, s => Assert.True(double.IsFinite(s.Loss) && s.GradNorm > 0 && s.UpdateNorm > 0));
        Assert.Equal(3, sink.Epochs.Count);
        Assert.Equal([8L, 17L, 26L], sink.Epochs.Select(e => e.LastStep));
    }

    [Fact]
    public void Reshuffling_visits_every_sample_once_per_epoch_in_a_new_order()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small());

        var orders = Enumerable.Range(0, 3).Select(e => sink.InEpoch(e).SelectMany(s => s.SampleIds).ToArray()).ToArray();
        Assert.All(orders, o => Assert.Equal(Enumerable.Range(0, 60), o.Order()));
        Assert.NotEqual(orders[0], orders[1]);
        Assert.NotEqual(orders[1], orders[2]);
    }

    [Fact]
    public void Invalid_options_are_refused_with_the_reason()
    {
        var tooMany = TrainingRuns.Small() with { SamplesPerEpoch = 10_000 };

        var error = Assert.Throws<ArgumentException>(() => new Trainer(tooMany, TrainingRuns.Embedded));

        Assert.Contains("10000 samples per epoch", error.Message, StringComparison.Ordinal);
        Assert.Contains("5039", error.Message, StringComparison.Ordinal);
    }
}
