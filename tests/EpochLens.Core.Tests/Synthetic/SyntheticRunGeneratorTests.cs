using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;

namespace EpochLens.Core.Tests.Synthetic;

public sealed class SyntheticRunGeneratorTests
{
    private static readonly SyntheticRunSpec Small = new() { SamplesPerEpoch = 300, Epochs = 4, Logging = LoggingOptions.Telemetry };

    [Fact]
    public void The_same_seed_gives_the_same_log_and_another_seed_a_different_one()
    {
        var spec = Small with { Noise = new NoiseModel { Kind = NoiseKind.StudentT, SpikeRate = 0.01 } };

        var first = SyntheticRunGenerator.Generate(spec, 7);
        var again = SyntheticRunGenerator.Generate(spec, 7);
        var other = SyntheticRunGenerator.Generate(spec, 8);

        Assert.Equal(first.Values(SeriesRole.TrainLoss), again.Values(SeriesRole.TrainLoss));
        Assert.Equal(first.Values(SeriesRole.UpdateNorm), again.Values(SeriesRole.UpdateNorm));
        Assert.Equal(first.Log.Samples!.Ids, again.Log.Samples!.Ids);
        Assert.NotEqual(first.Values(SeriesRole.TrainLoss), other.Values(SeriesRole.TrainLoss));
    }

    [Fact]
    public void Every_step_is_logged_from_step_zero_by_default_and_from_one_when_asked()
    {
        var zero = SyntheticRunGenerator.Generate(Small, 1);
        var one = SyntheticRunGenerator.Generate(Small with { Logging = Small.Logging with { FirstStep = 1 } }, 1);

        Assert.Equal(Enumerable.Range(0, 1200).Select(i => (long)i), zero.Steps(SeriesRole.TrainLoss));
        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (long)i), one.Steps(SeriesRole.TrainLoss));
        Assert.Equal(zero.Values(SeriesRole.TrainLoss), one.Values(SeriesRole.TrainLoss));
        Assert.Equal([1L, 301, 601, 901], one.Truth.EpochStartSteps);
        Assert.Equal([1L, 301, 601, 901], one.Log.Epochs!.EpochStartSteps);
    }

    [Fact]
    public void Without_a_running_mean_the_logged_loss_is_the_raw_batch_loss()
    {
        var run = SyntheticRunGenerator.Generate(Small, 3);

        Assert.Equal(run.RawStepLosses, run.Values(SeriesRole.TrainLoss));
        Assert.All(run.RawStepLosses, loss => Assert.True(loss > 0 && double.IsFinite(loss)));
    }

    [Fact]
    public void Sparse_logging_keeps_the_last_step_of_every_interval()
    {
        var spec = Small with { Logging = Small.Logging with { Every = 50, SparseValue = SparseValue.Last } };

        var run = SyntheticRunGenerator.Generate(spec, 4);

        var steps = run.Steps(SeriesRole.TrainLoss);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (i * 50L) - 1), steps);
        Assert.Equal(steps.Select(s => run.RawStepLosses[(int)s]), run.Values(SeriesRole.TrainLoss));
        Assert.Equal(steps, run.Steps(SeriesRole.LearningRate));
        Assert.Equal(steps, run.Steps(SeriesRole.Epoch));
    }

    [Fact]
    public void Sparse_logging_with_interval_means_logs_the_mean_of_each_interval()
    {
        var spec = Small with { Logging = Small.Logging with { Every = 10, SparseValue = SparseValue.IntervalMean } };

        var run = SyntheticRunGenerator.Generate(spec, 5);

        var values = run.Values(SeriesRole.TrainLoss);
        Assert.Equal(120, values.Length);
        for (int i = 0; i < values.Length; i++)
        {
            Assert.Equal(run.RawStepLosses.Skip(i * 10).Take(10).Average(), values[i], 12);
        }

        Assert.Equal(new ValueAveraging(AveragingKind.MovingWindow, 10, "synthetic: mean over 10 steps"), run.Series(SeriesRole.TrainLoss).Averaging);
    }

    [Fact]
    public void Values_can_be_stored_as_float32_like_tensorboard()
    {
        var run = SyntheticRunGenerator.Generate(Small with { Logging = Small.Logging with { SinglePrecision = true } }, 14);

        Assert.Equal(run.RawStepLosses.Select(v => (double)(float)v), run.Values(SeriesRole.TrainLoss));
        Assert.NotEqual(run.RawStepLosses, run.Values(SeriesRole.TrainLoss));
    }

    [Fact]
    public void Values_can_be_printed_to_four_decimals_like_a_keras_progress_bar()
    {
        var spec = Small with { SamplesPerEpoch = 2000, Skill = new SkillCurve { FastGain = 8 }, Logging = Small.Logging with { Decimals = 4 } };

        var run = SyntheticRunGenerator.Generate(spec, 15);

        var logged = run.Values(SeriesRole.TrainLoss);
        Assert.Contains(logged, v => v < 1e-3);
        for (int i = 0; i < logged.Length; i++)
        {
            double raw = run.RawStepLosses[i];
            double tolerance = raw >= 1e-3 ? 0.5e-4 : raw * 0.5e-3;
            Assert.Equal(raw, logged[i], tolerance);
            Assert.Equal(raw >= 1e-3 ? Math.Round(logged[i], 4) : logged[i], logged[i]);
        }
    }

    [Fact]
    public void Reshuffling_visits_every_sample_once_per_epoch_in_a_new_order()
    {
        var run = SyntheticRunGenerator.Generate(Small, 6);

        var first = run.EpochIds(0);
        var second = run.EpochIds(1);
        Assert.Equal(Enumerable.Range(0, 300), first.Order());
        Assert.Equal(Enumerable.Range(0, 300), second.Order());
        Assert.NotEqual(first, second);
    }

    [Fact]
    public void Sampling_with_replacement_repeats_samples_within_an_epoch()
    {
        var run = SyntheticRunGenerator.Generate(Small with { Sampling = SamplingKind.WithReplacement }, 7);

        var ids = run.EpochIds(0);
        Assert.Equal(300, ids.Length);
        Assert.True(ids.Distinct().Count() < 250, "300 draws from 300 with replacement leave about 110 samples out");
    }

    [Fact]
    public void A_fixed_order_repeats_the_same_ids_every_epoch()
    {
        var run = SyntheticRunGenerator.Generate(Small with { Cause = CauseId.FixedOrder, Strength = 2 }, 8);

        Assert.Equal(run.EpochIds(0), run.EpochIds(1));
        Assert.Equal(run.EpochIds(0), run.EpochIds(3));
    }

    [Fact]
    public void Only_the_loss_is_logged_unless_more_is_asked_for()
    {
        var run = SyntheticRunGenerator.Generate(Small with { Logging = LoggingOptions.LossOnly }, 9);

        var loss = Assert.Single(run.Log.Series);
        Assert.Equal(SeriesRole.TrainLoss, loss.Role);
        Assert.Equal(AveragingKind.Unknown, loss.Averaging.Kind);
        Assert.Null(run.Log.Epochs);
        Assert.Null(run.Log.Samples);
    }

    [Fact]
    public void Telemetry_logging_carries_every_series_with_its_role()
    {
        var run = SyntheticRunGenerator.Generate(Small, 10);

        SeriesRole[] expected = [SeriesRole.TrainLoss, SeriesRole.Epoch, SeriesRole.LearningRate, SeriesRole.OptimizerStep, SeriesRole.UpdateNorm, SeriesRole.HeldOutLoss];
        Assert.Equal(expected, run.Log.Series.Select(s => s.Role));
        Assert.Equal(AveragingKind.PerStep, run.Series(SeriesRole.TrainLoss).Averaging.Kind);
        Assert.Equal(Enumerable.Range(0, 1200).Select(i => (double)(i / 300)), run.Values(SeriesRole.Epoch));
        Assert.All(run.Values(SeriesRole.LearningRate), rate => Assert.Equal(1e-3, rate));
        Assert.Equal(Enumerable.Range(1, 1200).Select(i => (double)i), run.Values(SeriesRole.OptimizerStep));
        Assert.Equal([299L, 599, 899, 1199], run.Steps(SeriesRole.HeldOutLoss));
        Assert.Equal(300, run.Log.Epochs!.StepsPerEpoch);
        Assert.Equal(1200, run.Log.Samples!.Steps.Count);
    }

    [Fact]
    public void The_truth_gives_the_epoch_structure_after_trimming_to_whole_batches()
    {
        var run = SyntheticRunGenerator.Generate(Small with { SamplesPerEpoch = 1003, BatchSize = 10 }, 11);

        Assert.Equal(new PlantedTruth(CauseId.None, 0, 1000, 100, 10, run.Truth.EpochStartSteps), run.Truth);
        Assert.Equal([0L, 100, 200, 300], run.Truth.EpochStartSteps);
        Assert.False(run.Truth.HasEffect);
        Assert.All(run.Log.Samples!.Ids, ids => Assert.Equal(10, ids.Length));
    }

    [Fact]
    public void The_held_out_loss_falls_as_the_model_learns()
    {
        var run = SyntheticRunGenerator.Generate(Small with { Epochs = 6 }, 12);

        var heldOut = run.Values(SeriesRole.HeldOutLoss);
        Assert.True(heldOut[^1] < heldOut[0], string.Join(", ", heldOut));
    }

    [Fact]
    public void The_description_names_the_cause_and_the_run()
    {
        var run = SyntheticRunGenerator.Generate(Small with { Cause = CauseId.Recency, Strength = 0.5 }, 13);

        Assert.StartsWith("recency 0.5: 300 samples x 4 epochs", run.Description);
        Assert.Contains(run.Description, run.Log.Source);
    }

    [Theory]
    [InlineData(CauseId.None, 1.0)]
    [InlineData(CauseId.PartialLastBatch, 0.5)]
    [InlineData(CauseId.GradAccumulationLeftover, 0.5)]
    [InlineData(CauseId.StateReload, 1.5)]
    [InlineData(CauseId.Recency, -1.0)]
    public void Specs_whose_truth_would_be_wrong_are_rejected(CauseId cause, double strength)
    {
        // Batch size 1 and no accumulation: no short batch or group can be planted.
        var spec = Small with { Cause = cause, Strength = strength };

        Assert.Throws<ArgumentException>(() => SyntheticRunGenerator.Generate(spec, 1));
    }

    [Theory]
    [InlineData(1, 1, 1)]
    [InlineData(19, 10, 1)]
    [InlineData(12, 1, 8)]
    public void Epochs_too_small_for_their_batches_and_groups_are_rejected(int samples, int batchSize, int accumulation)
    {
        var spec = Small with { SamplesPerEpoch = samples, BatchSize = batchSize, GradAccumulation = accumulation };
        var leftover = spec with { Cause = CauseId.GradAccumulationLeftover, Strength = 0.5 };

        Assert.Throws<ArgumentException>(() => SyntheticRunGenerator.Generate(accumulation == 1 ? spec : leftover, 1));
    }

    [Fact]
    public void A_fixed_order_cannot_be_planted_on_sampling_with_replacement()
    {
        var spec = Small with { Cause = CauseId.FixedOrder, Strength = 1, Sampling = SamplingKind.WithReplacement };

        Assert.Throws<ArgumentException>(() => SyntheticRunGenerator.Generate(spec, 1));
    }
}
