using EpochLens.Diagnosis;
using EpochLens.Synthetic.Internals;

namespace EpochLens.Synthetic;

/// <summary>
/// Varied runs with one cause planted: the same variety as <see cref="NullScenarios"/> (sizes, trends, noise,
/// learning-rate plans, logged series), with what the cause needs (a batch size for a short last batch, an
/// accumulation count for a leftover group, at least three epochs) and the details of the cause drawn too.
/// </summary>
public static class PlantedScenarios
{
    private const int Salt = 0x504C;

    /// <summary>A run with <paramref name="cause"/> planted at a strength drawn from <see cref="ClearStrengths"/>.</summary>
    public static SyntheticRunSpec Spec(CauseId cause, int seed)
    {
        var (low, high) = ClearStrengths(cause);
        double strength = low + ((high - low) * new ScenarioDraws(seed, Salt - 1).Uniform(0, 1));
        return Spec(cause, strength, seed);
    }

    /// <summary>A run with <paramref name="cause"/> planted at <paramref name="strength"/> (its unit: <see cref="SyntheticRunSpec.Strength"/>).</summary>
    public static SyntheticRunSpec Spec(CauseId cause, double strength, int seed)
    {
        if (cause == CauseId.None)
        {
            return NullScenarios.Spec(seed);
        }

        var draw = new ScenarioDraws(seed, Salt + (int)cause);
        var spec = ScenarioBase.Draw(draw, 3) with { Cause = cause, Strength = strength, GradAccumulation = 1 };
        spec = spec with { Noise = Noise(draw), Epochs = Math.Min(spec.Epochs, 15) };
        spec = cause switch
        {
            // Keras prints the running mean to four decimals.
            CauseId.RunningMeanLogging => spec with
            {
                Logging = (draw.Chance(0.3) ? NullScenarios.Sparse(spec, draw.Pick(10, 50), SparseValue.Last, 20) : spec.Logging) with
                {
                    Decimals = draw.Chance(0.3) ? 4 : spec.Logging.Decimals,
                },
            },
            CauseId.PartialLastBatch => Batched(spec, draw.Pick(4, 8, 16, 32, 64), draw) with
            {
                Reduction = draw.Chance(0.5) ? BatchReduction.Sum : BatchReduction.Mean,
            },
            CauseId.FixedOrder => spec with
            {
                BatchSize = 1,
                Logging = draw.Chance(0.2) ? NullScenarios.Sparse(spec, draw.Pick(5, 10), draw.Chance(0.5) ? SparseValue.Last : SparseValue.IntervalMean) : spec.Logging,
            },
            CauseId.OptimizerReset => spec with
            {
                CauseOptions = spec.CauseOptions with { Beta2 = draw.Pick(0.99, 0.995, 0.999) },
                Logging = spec.Logging with { OptimizerStep = draw.Chance(0.4), UpdateNorm = draw.Chance(0.4) },
            },
            CauseId.LrSchedule => spec with
            {
                CauseOptions = spec.CauseOptions with { LrPattern = draw.Pick(Enum.GetValues<EpochLrPattern>()) },
                Logging = spec.Logging with { LearningRate = draw.Chance(0.5) },
            },
            // A reload costs what the curve gained meanwhile: a run still improving, or nothing shows.
            CauseId.StateReload => spec with
            {
                Skill = spec.Skill with { SlowGain = draw.Uniform(1.5, 3), SlowFraction = draw.Uniform(0.5, 2) },
                Logging = spec.Logging with { UpdateNorm = draw.Chance(0.4) },
            },
            CauseId.Recency => spec with
            {
                SamplesPerEpoch = (int)draw.LogUniform(200, 3000),
                Epochs = draw.Between(4, 15),
                BatchSize = 1,
                CauseOptions = spec.CauseOptions with { MemoryEpochs = draw.LogUniform(0.3, 3) },
                Logging = spec.Logging with { StepSamples = draw.Chance(0.3) },
            },
            CauseId.GradAccumulationLeftover => Batched(spec, draw.Chance(0.7) ? 1 : 8, draw) with
            {
                GradAccumulation = draw.Pick(2, 4, 8, 16),
                CauseOptions = spec.CauseOptions with { Leftover = draw.Chance(0.5) ? AccumulationLeftover.WrongScale : AccumulationLeftover.Leak },
                Logging = spec.Logging with { UpdateNorm = draw.Chance(0.7), OptimizerStep = draw.Chance(0.5) },
            },
            CauseId.EpochAlignedUnexplained => spec with
            {
                CauseOptions = spec.CauseOptions with
                {
                    SpikeShape = draw.Chance(0.7) ? BoundarySpikeShape.FirstStep : BoundarySpikeShape.ShortBump,
                    SpikeSign = draw.Chance(0.5) ? SpikeSign.Either : draw.Chance(0.7) ? SpikeSign.Up : SpikeSign.Down,
                },
            },
            _ => spec,
        };
        return spec with { Scenario = "planted: " + cause.ToId() };
    }

    /// <summary>
    /// Strengths at which the cause is plain to see in most runs (not a promise for every run: a boundary effect
    /// late in a flat run, or one hidden by heavy noise, can still be faint). For dose-response curves pass your own.
    /// </summary>
    public static (double Low, double High) ClearStrengths(CauseId cause) => cause switch
    {
        CauseId.RunningMeanLogging => (1, 1),
        CauseId.PartialLastBatch => (0.5, 0.95),
        CauseId.FixedOrder => (1.5, 4),
        CauseId.OptimizerReset => (0.3, 1),
        CauseId.LrSchedule => (0.5, 0.9),
        CauseId.StateReload => (0.5, 1),
        CauseId.Recency => (0.5, 2),
        CauseId.GradAccumulationLeftover => (0.5, 0.9),
        CauseId.EpochAlignedUnexplained => (1.5, 3),
        _ => (0, 0),
    };

    /// <summary>Mostly Gaussian noise, with some heavy tails, wander and spikes, as real runs have.</summary>
    private static NoiseModel Noise(ScenarioDraws draw)
    {
        double kind = draw.Uniform(0, 1);
        var noise = kind < 0.6 ? NoiseModel.Gaussian
            : kind < 0.75 ? new NoiseModel { Kind = NoiseKind.StudentT, StudentDf = draw.Uniform(2, 3), StudentScale = draw.Uniform(0.2, 0.5) }
            : kind < 0.9 ? new NoiseModel { Kind = NoiseKind.Autoregressive, ArCoefficient = draw.Uniform(0.5, 0.95), ArShare = draw.Uniform(0.2, 0.6) }
            : NoiseModel.Gaussian;
        return draw.Chance(0.1) ? noise with { SpikeRate = draw.LogUniform(1e-4, 1e-3), SpikeLogSize = draw.Uniform(1, 2.5) } : noise;
    }

    /// <summary>A batch size with enough samples for 100 to 2000 steps an epoch.</summary>
    private static SyntheticRunSpec Batched(SyntheticRunSpec spec, int batch, ScenarioDraws draw) =>
        spec with { BatchSize = batch, SamplesPerEpoch = batch * (int)draw.LogUniform(100, 2000) };
}
