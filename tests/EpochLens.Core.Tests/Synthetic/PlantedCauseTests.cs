using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;

namespace EpochLens.Core.Tests.Synthetic;

public sealed class PlantedCauseTests
{
    private static readonly SyntheticRunSpec Run = new() { SamplesPerEpoch = 400, Epochs = 5, Logging = LoggingOptions.Telemetry };

    public static TheoryData<CauseId> Causes() => [.. Enum.GetValues<CauseId>().Where(c => c != CauseId.None)];

    /// <summary>The spec a cause is planted on, and the null run that strength 0 must reproduce.</summary>
    private static (SyntheticRunSpec Planted, SyntheticRunSpec Null) Twins(CauseId cause)
    {
        var spec = cause switch
        {
            CauseId.PartialLastBatch => Run with { BatchSize = 4, Reduction = BatchReduction.Sum },
            CauseId.GradAccumulationLeftover => Run with { GradAccumulation = 4, CauseOptions = new CauseOptions { Leftover = AccumulationLeftover.Leak } },
            CauseId.LrSchedule => Run with { CauseOptions = new CauseOptions { LrPattern = EpochLrPattern.StepDecay } },

            // A fixed order shows through differences between samples; with none it is the null of alike samples.
            CauseId.FixedOrder => Run with { Samples = new SampleLossModel { DifficultySpread = 0 } },
            _ => Run,
        };
        return (spec with { Cause = cause }, spec);
    }

    [Theory]
    [MemberData(nameof(Causes))]
    public void Strength_zero_gives_exactly_the_null_run(CauseId cause)
    {
        var (planted, twin) = Twins(cause);

        var run = SyntheticRunGenerator.Generate(planted with { Strength = 0 }, 21);
        var none = SyntheticRunGenerator.Generate(twin, 21);

        Assert.Equal(cause, run.Truth.Cause);
        Assert.False(run.Truth.HasEffect);
        Assert.Equal(none.Log.Series.Count, run.Log.Series.Count);
        for (int i = 0; i < none.Log.Series.Count; i++)
        {
            Assert.Equal(none.Log.Series[i].Steps.ToArray(), run.Log.Series[i].Steps.ToArray());
            Assert.Equal(none.Log.Series[i].Values.ToArray(), run.Log.Series[i].Values.ToArray());
        }
    }

    [Theory]
    [MemberData(nameof(Causes))]
    public void A_planted_cause_changes_the_log(CauseId cause)
    {
        var (planted, twin) = Twins(cause);
        double strength = PlantedScenarios.ClearStrengths(cause).High;

        var run = SyntheticRunGenerator.Generate(planted with { Strength = strength }, 22);
        var none = SyntheticRunGenerator.Generate(twin, 22);

        Assert.True(run.Truth.HasEffect);
        Assert.NotEqual(none.Log.Series.SelectMany(s => s.Values.ToArray()), run.Log.Series.SelectMany(s => s.Values.ToArray()));
    }

    [Fact]
    public void A_running_mean_logs_the_mean_of_the_epochs_raw_losses_so_far()
    {
        var run = SyntheticRunGenerator.Generate(Run with { Cause = CauseId.RunningMeanLogging, Strength = 1 }, 23);

        var logged = run.Values(SeriesRole.TrainLoss);
        for (int step = 0; step < logged.Length; step++)
        {
            int start = step / 400 * 400;
            double mean = run.RawStepLosses.Skip(start).Take(step - start + 1).Average();
            Assert.Equal(mean, logged[step], 1e-9 * mean);
        }

        Assert.Equal(logged[0], run.RawStepLosses[0]);
        Assert.Equal(logged[400], run.RawStepLosses[400]);
        Assert.Equal(AveragingKind.RunningMeanSinceEpochStart, run.Series(SeriesRole.TrainLoss).Averaging.Kind);
    }

    [Theory]
    [InlineData(0.25, 3)]
    [InlineData(0.5, 2)]
    [InlineData(0.99, 1)]
    public void A_partial_last_batch_is_short_by_the_strength(double strength, int lastBatch)
    {
        var spec = Run with { BatchSize = 4, Cause = CauseId.PartialLastBatch, Strength = strength };

        var run = SyntheticRunGenerator.Generate(spec, 24);

        Assert.Equal(100, run.Truth.StepsPerEpoch);
        Assert.Equal(lastBatch, run.Truth.LastBatchSize);
        Assert.Equal(396 + lastBatch, run.Truth.SamplesPerEpoch);
        var ids = run.Log.Samples!.Ids;
        Assert.Equal(lastBatch, ids[99].Length);
        Assert.Equal(4, ids[100].Length);
        Assert.Equal(Enumerable.Range(0, 396 + lastBatch), run.EpochIds(1).Order());
    }

    [Fact]
    public void A_summed_partial_last_batch_logs_lower_last_steps()
    {
        var spec = Run with { BatchSize = 8, SamplesPerEpoch = 800, Epochs = 20, Reduction = BatchReduction.Sum, Cause = CauseId.PartialLastBatch, Strength = 0.75 };

        var run = SyntheticRunGenerator.Generate(spec, 25);

        var last = run.RawStepLosses.Where((_, step) => step % 100 == 99).Mean();
        var before = run.RawStepLosses.Where((_, step) => step % 100 == 98).Mean();
        Assert.InRange(last / before, 0.1, 0.5);
    }

    [Fact]
    public void An_optimizer_reset_raises_the_loss_after_each_boundary_and_restarts_the_step_counter()
    {
        var spec = Run with { Cause = CauseId.OptimizerReset, Strength = 0.5, CauseOptions = new CauseOptions { Beta2 = 0.99 } };

        var run = SyntheticRunGenerator.Generate(spec, 26);
        var none = SyntheticRunGenerator.Generate(Run, 26);

        var ratio = run.RawStepLosses.Zip(none.RawStepLosses, (a, b) => a / b).ToArray();
        Assert.All(ratio.Take(400), r => Assert.Equal(1.0, r));
        Assert.InRange(ratio.Skip(400).Max(), 1.49, 1.5);
        Assert.InRange(ratio[400 + 399], 1.0, 1.01);
        var counter = run.Values(SeriesRole.OptimizerStep);
        Assert.Equal([400.0, 1, 400, 1], [counter[399], counter[400], counter[799], counter[800]]);
    }

    [Fact]
    public void A_step_decay_schedule_lowers_the_rate_at_every_boundary()
    {
        var spec = Run with { Cause = CauseId.LrSchedule, Strength = 0.5, CauseOptions = new CauseOptions { LrPattern = EpochLrPattern.StepDecay } };

        var run = SyntheticRunGenerator.Generate(spec, 27);

        var rates = run.Values(SeriesRole.LearningRate);
        Assert.Equal([1e-3, 1e-3, 5e-4, 2.5e-4, 6.25e-5], [rates[0], rates[399], rates[400], rates[800], rates[1999]]);
        var epochMeans = Enumerable.Range(0, 5).Select(e => run.RawStepLosses.Skip((e * 400) + 200).Take(200).Mean()).ToArray();
        Assert.True(epochMeans[2] < epochMeans[1], string.Join(", ", epochMeans));
    }

    [Theory]
    [InlineData(EpochLrPattern.WarmRestarts, 0.25, 1.0)]
    [InlineData(EpochLrPattern.PerEpochWarmup, 1.0, 0.26875)]
    public void Warm_restarts_and_per_epoch_warm_up_restart_the_rate_at_every_boundary(EpochLrPattern pattern, double lastOfEpoch, double firstOfEpoch)
    {
        var spec = Run with { Cause = CauseId.LrSchedule, Strength = 0.75, CauseOptions = new CauseOptions { LrPattern = pattern } };

        var rates = SyntheticRunGenerator.Generate(spec, 28).Values(SeriesRole.LearningRate).Select(r => r / 1e-3).ToArray();

        Assert.Equal(lastOfEpoch, rates[799], 0.01);
        Assert.Equal(firstOfEpoch, rates[800], 0.01);
    }

    [Fact]
    public void A_state_reload_takes_the_loss_back_and_jumps_the_update_norm()
    {
        var spec = Run with { Cause = CauseId.StateReload, Strength = 1, Epochs = 6 };

        var run = SyntheticRunGenerator.Generate(spec, 29);

        // Reloading to the start of every finished epoch: no epoch ends better than the first.
        var held = run.Values(SeriesRole.HeldOutLoss);
        Assert.All(held.Skip(1), h => Assert.Equal(held[0], h, 12));
        var norms = run.Values(SeriesRole.UpdateNorm);
        double typical = norms.Skip(100).Take(200).Order().ElementAt(100);
        Assert.All(run.Truth.EpochStartSteps.Skip(1), start => Assert.True(norms[start] > 10 * typical));
    }

    [Fact]
    public void Recency_lowers_the_loss_of_recently_seen_samples_into_a_sawtooth()
    {
        var spec = Run with { SamplesPerEpoch = 1000, Epochs = 8, Cause = CauseId.Recency, Strength = 2 };

        var run = SyntheticRunGenerator.Generate(spec, 30);
        var none = SyntheticRunGenerator.Generate(spec with { Cause = CauseId.None, Strength = 0 }, 30);

        double Rise(SyntheticRun r) => Enumerable.Range(2, 6).Average(e =>
            r.RawStepLosses.Skip((e * 1000) + 800).Take(200).Mean() / r.RawStepLosses.Skip(e * 1000).Take(200).Mean());
        Assert.True(Rise(run) > 1.3, $"planted: {Rise(run)}");
        Assert.InRange(Rise(none), 0.85, 1.1);
    }

    [Fact]
    public void Recency_with_a_memory_longer_than_an_epoch_gives_stair_steps()
    {
        var spec = Run with { SamplesPerEpoch = 1000, Epochs = 6, Cause = CauseId.Recency, Strength = 0.5, CauseOptions = new CauseOptions { MemoryEpochs = 5 } };

        var run = SyntheticRunGenerator.Generate(spec, 33);
        var none = SyntheticRunGenerator.Generate(spec with { Cause = CauseId.None, Strength = 0 }, 33);

        // Benefits add up over visits: every epoch sits lower against the null than the one before.
        var ratios = Enumerable.Range(0, 6).Select(e => run.RawStepLosses.Skip(e * 1000).Take(1000).Mean() / none.RawStepLosses.Skip(e * 1000).Take(1000).Mean()).ToArray();
        Assert.Equal(1.0, ratios[0]);
        for (int e = 1; e < 6; e++)
        {
            Assert.True(ratios[e] < ratios[e - 1] - 0.02, string.Join(", ", ratios));
        }
    }

    [Theory]
    [InlineData(AccumulationLeftover.WrongScale, 0.75, 1)]
    [InlineData(AccumulationLeftover.Leak, 0.75, 3)]
    public void A_short_accumulation_group_makes_an_update_of_the_wrong_size_at_the_boundary(AccumulationLeftover leftover, double strength, int leftoverBatches)
    {
        var spec = Run with { GradAccumulation = 4, Cause = CauseId.GradAccumulationLeftover, Strength = strength, CauseOptions = new CauseOptions { Leftover = leftover } };

        var run = SyntheticRunGenerator.Generate(spec, 31);

        int perEpoch = run.Truth.StepsPerEpoch;
        Assert.Equal(396 + leftoverBatches, perEpoch);
        var norms = run.Values(SeriesRole.UpdateNorm);
        var counter = run.Values(SeriesRole.OptimizerStep);
        Assert.Equal(0, norms[perEpoch + 1]);
        Assert.Equal(counter[perEpoch + 1], counter[perEpoch + 2]);
        double typical = Enumerable.Range(2, 20).Select(g => norms[perEpoch + (4 * g) + 3]).Mean();
        if (leftover == AccumulationLeftover.WrongScale)
        {
            Assert.Equal(100.0, counter[perEpoch - 1]);
            Assert.InRange(norms[perEpoch - 1] / typical, 0.1, 0.5);
        }
        else
        {
            Assert.Equal(99.0, counter[perEpoch - 1]);
            Assert.Equal(0, norms[perEpoch - 1]);
            Assert.InRange(norms[perEpoch + 3] / typical, 1.4, 2.3);
        }
    }

    [Theory]
    [InlineData(SpikeSign.Up, 1)]
    [InlineData(SpikeSign.Down, -1)]
    public void An_unexplained_spike_multiplies_only_the_first_step_of_each_later_epoch(SpikeSign sign, int direction)
    {
        var spec = Run with { Cause = CauseId.EpochAlignedUnexplained, Strength = 1.5, CauseOptions = new CauseOptions { SpikeSign = sign } };

        var run = SyntheticRunGenerator.Generate(spec, 32);
        var none = SyntheticRunGenerator.Generate(Run, 32);

        for (int step = 0; step < run.RawStepLosses.Count; step++)
        {
            double expected = step % 400 == 0 && step > 0 ? Math.Exp(direction * 1.5) : 1;
            Assert.Equal(expected, run.RawStepLosses[step] / none.RawStepLosses[step], 12);
        }
    }
}
