namespace EpochLens.Synthetic.Internals;

/// <summary>
/// The varied run every scenario starts from: data size, epochs, batches, how hard the samples are, how fast the
/// model learns, the learning-rate plan over the run, and which series the log happens to hold.
/// </summary>
internal static class ScenarioBase
{
    public static SyntheticRunSpec Draw(ScenarioDraws draw, int minEpochs)
    {
        int samples = (int)draw.LogUniform(200, 6000);
        int batch = draw.Chance(0.7) ? 1 : draw.Pick(4, 8, 16, 32);
        batch = Math.Max(1, Math.Min(batch, samples / 50));
        int accumulation = draw.Chance(0.85) ? 1 : draw.Pick(2, 4);
        return new SyntheticRunSpec
        {
            SamplesPerEpoch = samples,
            Epochs = draw.Between(minEpochs, Math.Max(minEpochs, 20)),
            BatchSize = batch,
            Reduction = draw.Chance(0.8) ? BatchReduction.Mean : BatchReduction.Sum,
            GradAccumulation = accumulation,
            Samples = new SampleLossModel
            {
                InitialLogit = draw.Uniform(1.5, 3),
                DifficultySpread = draw.Uniform(0.5, 2),
                HardFraction = draw.Uniform(0, 0.08),
                HardLift = draw.Uniform(2, 4),
                NoiseScale = draw.Uniform(0.2, 0.8),
                HeldOutTransfer = draw.Uniform(0.7, 0.95),
            },
            Skill = new SkillCurve
            {
                FastGain = draw.Uniform(0.5, 3),
                FastFraction = draw.LogUniform(0.005, 0.2),
                SlowGain = draw.Uniform(0.3, 3),
                SlowFraction = draw.LogUniform(0.2, 3),
            },
            LearningRate = LearningRate(draw),
            Logging = Logging(draw),
        };
    }

    private static LrPlan LearningRate(ScenarioDraws draw)
    {
        var decay = draw.Chance(0.5) ? LrDecay.Constant : draw.Pick(LrDecay.Linear, LrDecay.Cosine);
        return new LrPlan
        {
            BaseRate = draw.LogUniform(1e-5, 1e-2),
            WarmupFraction = decay == LrDecay.Constant || draw.Chance(0.3) ? 0 : draw.Uniform(0, 0.1),
            Decay = decay,
            FinalFraction = draw.Uniform(0, 0.1),
            NoiseFloor = draw.Uniform(0.3, 1.5),
            NoiseShare = draw.Uniform(0.2, 0.8),
        };
    }

    private static LoggingOptions Logging(ScenarioDraws draw) => new()
    {
        FirstStep = draw.Chance(0.8) ? 0 : 1,
        EpochColumn = draw.Chance(0.3),
        EpochHint = draw.Chance(0.3),
        LearningRate = draw.Chance(0.2),
        OptimizerStep = draw.Chance(0.1),
        UpdateNorm = draw.Chance(0.1),
        HeldOutLoss = draw.Chance(0.3),
        StepSamples = draw.Chance(0.1),
        DeclareAveraging = draw.Chance(0.2),
        SinglePrecision = draw.Chance(0.3),
        Decimals = draw.Chance(0.1) ? 4 : null,
    };
}
