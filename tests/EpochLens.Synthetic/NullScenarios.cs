using EpochLens.Synthetic.Internals;

namespace EpochLens.Synthetic;

/// <summary>
/// Varied null runs (no epoch-aligned structure) for measuring false alarms: each seed gives a different data size,
/// epoch count, batch size, trend, noise, learning-rate plan and logging; the kinds take turns with the seed, and a
/// quarter of the runs add a second kind.
/// </summary>
public static class NullScenarios
{
    private const int Salt = 0x4E55;

    public static IReadOnlyList<NullKind> Kinds { get; } = Enum.GetValues<NullKind>();

    /// <summary>A null run for <paramref name="seed"/>, of the kind <c>Kinds[seed mod count]</c>.</summary>
    public static SyntheticRunSpec Spec(int seed) => Spec(seed, Kinds[(int)((uint)seed % (uint)Kinds.Count)]);

    public static SyntheticRunSpec Spec(int seed, NullKind kind)
    {
        var draw = new ScenarioDraws(seed, Salt + (int)kind);
        var spec = ScenarioBase.Draw(draw, 2);
        spec = Apply(spec, kind, draw);
        string name = Name(kind);
        if (draw.Chance(0.25))
        {
            var second = draw.Pick([.. Kinds]);
            if (second != kind)
            {
                spec = Apply(spec, second, draw);
                name += " + " + Name(second);
            }
        }

        return spec with { Scenario = "null: " + name };
    }

    private static SyntheticRunSpec Apply(SyntheticRunSpec spec, NullKind kind, ScenarioDraws draw) => kind switch
    {
        NullKind.WithReplacement => spec with { Sampling = SamplingKind.WithReplacement },
        NullKind.HeavyTailed => spec with { Noise = spec.Noise with { Kind = NoiseKind.StudentT, StudentDf = draw.Uniform(2, 3), StudentScale = draw.Uniform(0.2, 0.6) } },
        NullKind.Autocorrelated => spec with { Noise = spec.Noise with { Kind = NoiseKind.Autoregressive, ArCoefficient = draw.Uniform(0.5, 0.99), ArShare = draw.Uniform(0.2, 0.8) } },
        NullKind.RandomSpikes => spec with { Noise = spec.Noise with { SpikeRate = draw.LogUniform(1e-4, 3e-3), SpikeLogSize = draw.Uniform(1, 3) } },
        NullKind.SparseLogging => spec with { Logging = Sparse(spec, draw.Pick(5, 10, 20, 50), draw.Chance(0.5) ? SparseValue.Last : SparseValue.IntervalMean) },
        NullKind.FastEarlyDrop => spec with { Skill = spec.Skill with { FastGain = draw.Uniform(2, 4), FastFraction = draw.LogUniform(0.0005, 0.005) } },
        NullKind.PlateauThenDrop => PlateauThenDrop(spec, draw),
        _ => spec,
    };

    /// <summary>Sparse logging that still leaves at least <paramref name="pointsPerEpoch"/> points an epoch.</summary>
    internal static LoggingOptions Sparse(SyntheticRunSpec spec, int every, SparseValue value, int pointsPerEpoch = 5) =>
        spec.Logging with { Every = Math.Clamp(every, 1, Math.Max(1, spec.SamplesPerEpoch / spec.BatchSize / pointsPerEpoch)), SparseValue = value };

    /// <summary>A late drop centred in the middle part of an epoch, at a constant rate so it lands where aimed.</summary>
    private static SyntheticRunSpec PlateauThenDrop(SyntheticRunSpec spec, ScenarioDraws draw)
    {
        int epochs = spec.Epochs;
        double at = (draw.Between(0, epochs - 1) + draw.Uniform(0.3, 0.7)) / epochs;
        return spec with
        {
            LearningRate = spec.LearningRate with { Decay = LrDecay.Constant, WarmupFraction = 0 },
            Skill = spec.Skill with
            {
                FastGain = draw.Uniform(0.2, 0.8),
                SlowGain = draw.Uniform(0.2, 1),
                DropGain = draw.Uniform(1, 2.5),
                DropAt = at,
                DropWidth = draw.Uniform(0.02, 0.08) / epochs,
            },
        };
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
