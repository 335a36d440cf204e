using EpochLens.Diagnosis;

namespace EpochLens.Synthetic.Internals;

/// <summary>Rejects specs that cannot be generated or whose truth would be wrong, with the reason.</summary>
internal static class SpecChecks
{
    public static void Validate(SyntheticRunSpec spec)
    {
        ArgumentNullException.ThrowIfNull(spec);
        Require(spec.Epochs >= 1, "Epochs must be at least 1");
        Require(spec.BatchSize >= 1, "BatchSize must be at least 1");
        Require(spec.GradAccumulation >= 1, "GradAccumulation must be at least 1");
        Require(spec.SamplesPerEpoch >= 2, "SamplesPerEpoch must be at least 2");
        Require(spec.Strength >= 0 && double.IsFinite(spec.Strength), "Strength must be 0 or more");
        Require(spec.Cause != CauseId.None || spec.Strength == 0, "a null run (Cause None) has strength 0");
        Require(spec.Cause is not (CauseId.RunningMeanLogging or CauseId.PartialLastBatch or CauseId.LrSchedule or CauseId.StateReload or CauseId.GradAccumulationLeftover)
            || spec.Strength <= 1, $"the strength of {spec.Cause.ToId()} is a fraction, at most 1");
        Require(spec.Cause != CauseId.FixedOrder || spec.Sampling == SamplingKind.Reshuffled, "fixed-order replaces reshuffling; it cannot be planted with sampling with replacement");
        Require(spec.Logging.Every >= 1, "Logging.Every must be at least 1");
        Require(spec.Logging.FirstStep >= 0, "Logging.FirstStep must be 0 or more");
        Require(spec.Skill.FastFraction > 0 && spec.Skill.SlowFraction > 0 && spec.Skill.DropWidth > 0, "the skill curve's time constants must be positive");
        Require(spec.Samples.NoiseScale >= 0 && spec.Samples.DifficultySpread >= 0, "noise scale and difficulty spread must be 0 or more");
        Require(spec.Samples.HardFraction is >= 0 and <= 1, "HardFraction is a fraction");
        Require(spec.Noise.StudentDf > 0, "StudentDf must be positive");
        Require(spec.Noise.ArCoefficient is > -1 and < 1 && spec.Noise.ArShare is >= 0 and <= 1, "an AR(1) coefficient lies in (-1, 1) and its share in [0, 1]");
        Require(spec.Noise.SpikeRate is >= 0 and <= 1, "SpikeRate is a chance per step");
        Require(spec.LearningRate.WarmupFraction is >= 0 and <= 1 && spec.LearningRate.NoiseShare is >= 0 and <= 1, "warm-up and noise share are fractions");
        Require(spec.CauseOptions.Beta2 is > 0 and < 1, "Beta2 lies in (0, 1)");
        Require(spec.CauseOptions.MemoryEpochs > 0, "MemoryEpochs must be positive");
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new ArgumentException(message);
        }
    }
}
