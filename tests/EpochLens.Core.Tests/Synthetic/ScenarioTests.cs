using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;

namespace EpochLens.Core.Tests.Synthetic;

public sealed class ScenarioTests
{
    public static TheoryData<CauseId> Causes() => [.. Enum.GetValues<CauseId>().Where(c => c != CauseId.None)];

    [Fact]
    public void Two_hundred_null_runs_are_varied_and_plant_nothing()
    {
        var specs = Enumerable.Range(0, 200).Select(NullScenarios.Spec).ToList();

        foreach (var (spec, seed) in specs.Select((s, i) => (s, i)))
        {
            var run = SyntheticRunGenerator.Generate(spec, seed);
            Assert.Equal(CauseId.None, run.Truth.Cause);
            Assert.Equal(run.Truth.SamplesPerEpoch, run.Truth.LastBatchSize + ((run.Truth.StepsPerEpoch - 1) * spec.BatchSize));
            Assert.All(run.RawStepLosses, loss => Assert.True(loss > 0 && double.IsFinite(loss), run.Description));
        }

        Assert.All(NullScenarios.Kinds, kind => Assert.True(specs.Count(s => s.Scenario.StartsWith("null: " + Name(kind), StringComparison.Ordinal)) >= 20, kind.ToString()));
        Assert.True(specs.Select(s => s.SamplesPerEpoch).Distinct().Count() > 150);
        Assert.Equal(19, specs.Select(s => s.Epochs).Distinct().Count());
        Assert.InRange(specs.Min(s => s.SamplesPerEpoch), 200, 300);
        Assert.InRange(specs.Max(s => s.SamplesPerEpoch), 5000, 6000);
        Assert.Contains(specs, s => s.BatchSize > 1);
        Assert.Contains(specs, s => s.GradAccumulation > 1);
        Assert.Contains(specs, s => s.LearningRate.Decay != LrDecay.Constant);
        Assert.Contains(specs, s => s.Logging.Every > 1 && s.Logging.SparseValue == SparseValue.IntervalMean);
        Assert.Contains(specs, s => s.Logging.FirstStep == 1);
        Assert.Contains(specs, s => s.Scenario.Contains(" + ", StringComparison.Ordinal));
    }

    [Fact]
    public void Null_kinds_set_what_they_name()
    {
        Assert.Equal(SamplingKind.WithReplacement, NullScenarios.Spec(1, NullKind.WithReplacement).Sampling);
        Assert.Equal(NoiseKind.StudentT, NullScenarios.Spec(2, NullKind.HeavyTailed).Noise.Kind);
        Assert.InRange(NullScenarios.Spec(2, NullKind.HeavyTailed).Noise.StudentDf, 2, 3);
        Assert.Equal(NoiseKind.Autoregressive, NullScenarios.Spec(3, NullKind.Autocorrelated).Noise.Kind);
        Assert.True(NullScenarios.Spec(4, NullKind.RandomSpikes).Noise.SpikeRate > 0);
        Assert.True(NullScenarios.Spec(5, NullKind.SparseLogging).Logging.Every > 1);
        Assert.True(NullScenarios.Spec(6, NullKind.FastEarlyDrop).Skill.FastFraction < 0.01);
        Assert.True(NullScenarios.Spec(7, NullKind.PlateauThenDrop).Skill.DropGain >= 1);
    }

    [Fact]
    public void A_plateau_drop_falls_inside_an_epoch_not_on_a_boundary()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var spec = NullScenarios.Spec(seed, NullKind.PlateauThenDrop);

            double epochs = spec.Skill.DropAt * spec.Epochs;
            double within = epochs - Math.Floor(epochs);
            Assert.InRange(within, 0.3, 0.7);
            Assert.True(spec.Skill.DropWidth * spec.Epochs <= 0.08);
        }
    }

    [Fact]
    public void Sparse_null_logging_leaves_points_in_every_epoch()
    {
        for (int seed = 0; seed < 50; seed++)
        {
            var spec = NullScenarios.Spec(seed, NullKind.SparseLogging);
            var run = SyntheticRunGenerator.Generate(spec, seed);

            Assert.True(run.Series(SeriesRole.TrainLoss).Count >= 4 * spec.Epochs, run.Description);
        }
    }

    [Theory]
    [MemberData(nameof(Causes))]
    public void Planted_scenarios_plant_their_cause_at_a_clear_strength(CauseId cause)
    {
        var (low, high) = PlantedScenarios.ClearStrengths(cause);
        var strengths = new List<double>();
        for (int seed = 0; seed < 20; seed++)
        {
            var run = SyntheticRunGenerator.Generate(PlantedScenarios.Spec(cause, seed), seed);

            Assert.Equal(cause, run.Truth.Cause);
            Assert.True(run.Truth.HasEffect);
            Assert.InRange(run.Truth.Strength, low, high);
            Assert.True(run.Truth.EpochStartSteps.Count >= 3, run.Description);
            strengths.Add(run.Truth.Strength);
        }

        Assert.True(low == high || strengths.Distinct().Count() == 20);
    }

    [Fact]
    public void Planted_scenarios_take_the_strength_asked_for()
    {
        var spec = PlantedScenarios.Spec(CauseId.OptimizerReset, 0.05, 3);

        Assert.Equal(CauseId.OptimizerReset, spec.Cause);
        Assert.Equal(0.05, spec.Strength);
        Assert.Equal("planted: optimizer-reset", spec.Scenario);
    }

    [Fact]
    public void Planted_scenarios_give_causes_what_they_need()
    {
        for (int seed = 0; seed < 20; seed++)
        {
            var partial = SyntheticRunGenerator.Generate(PlantedScenarios.Spec(CauseId.PartialLastBatch, seed), seed).Truth;
            Assert.True(partial.LastBatchSize < partial.SamplesPerEpoch / (partial.StepsPerEpoch - 1));

            var leftover = PlantedScenarios.Spec(CauseId.GradAccumulationLeftover, seed);
            var truth = SyntheticRunGenerator.Generate(leftover, seed).Truth;
            Assert.NotEqual(0, truth.StepsPerEpoch % leftover.GradAccumulation);
        }
    }

    [Fact]
    public void Scenarios_are_the_same_for_the_same_seed()
    {
        Assert.Equal(NullScenarios.Spec(17), NullScenarios.Spec(17));
        Assert.Equal(PlantedScenarios.Spec(CauseId.Recency, 17), PlantedScenarios.Spec(CauseId.Recency, 17));
        Assert.NotEqual(NullScenarios.Spec(17), NullScenarios.Spec(17 + NullScenarios.Kinds.Count));
    }

    [Fact]
    public void A_planted_none_is_a_null_scenario()
    {
        Assert.Equal(NullScenarios.Spec(5), PlantedScenarios.Spec(CauseId.None, 5));
    }

    private static string Name(NullKind kind) => kind switch
    {
        NullKind.WithReplacement => "with replacement",
        NullKind.HeavyTailed => "heavy-tailed",
        NullKind.Autocorrelated => "autocorrelated",
        NullKind.RandomSpikes => "random spikes",
        NullKind.SparseLogging => "sparse logging",
        NullKind.FastEarlyDrop => "fast early drop",
        NullKind.PlateauThenDrop => "plateau then drop",
        _ => "plain",
    };
}
