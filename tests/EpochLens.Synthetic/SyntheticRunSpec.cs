using EpochLens.Diagnosis;

namespace EpochLens.Synthetic;

/// <summary>
/// A synthetic training run: its data and batches, how the model learns, the noise, the learning rate, what is
/// logged, and at most one planted cause with its strength. Change it with <c>with</c>.
/// </summary>
public sealed record SyntheticRunSpec
{
    /// <summary>
    /// The cause planted (<see cref="CauseId.None"/>: a null run with no epoch-aligned structure).
    /// <see cref="CauseId.FixedOrder"/> replaces the reshuffling, so it needs <see cref="SamplingKind.Reshuffled"/>.
    /// </summary>
    public CauseId Cause { get; init; } = CauseId.None;

    /// <summary>
    /// How strongly the cause acts; 0 means no effect, and then the log equals the null run of the same spec and seed.
    /// Units per cause:
    /// <list type="bullet">
    /// <item>running-mean-logging: 0 to 1, the weight of the epoch's running mean in the logged value
    /// (1 is the real artefact; values between blend it with the raw loss, a dose for calibration).</item>
    /// <item>partial-last-batch: 0 to 1, the fraction of a batch missing from each epoch's last batch (rounded to
    /// whole samples, at least one left); needs a batch size of 2 or more. <see cref="Reduction"/> picks the mode:
    /// summed, the last step is lower by that fraction; averaged, it is noisier.</item>
    /// <item>fixed-order: the spread of sample difficulties in units of the visit noise
    /// (<see cref="SampleLossModel.NoiseScale"/>); it replaces <see cref="SampleLossModel.DifficultySpread"/>, since a
    /// fixed order is invisible when all samples are alike. Its null twin has a difficulty spread of 0.</item>
    /// <item>optimizer-reset: the relative rise of the loss at the peak of the transient after each boundary.</item>
    /// <item>lr-schedule: 0 to 1, the depth of the per-epoch change of the rate (<see cref="CauseOptions.LrPattern"/>).</item>
    /// <item>state-reload: 0 to 1, the fraction of the previous epoch's progress undone at each boundary
    /// (1: back to the start of the epoch just finished; 0.5: to its middle).</item>
    /// <item>recency: the memorisation benefit in logits: a visit lowers the sample's logit by this much, fading
    /// over <see cref="CauseOptions.MemoryEpochs"/>.</item>
    /// <item>grad-accumulation-leftover: 0 to 1, about the relative error of the boundary update: the short group
    /// holds round((1 - s) k) batches with <see cref="AccumulationLeftover.WrongScale"/> and round(s k) with
    /// <see cref="AccumulationLeftover.Leak"/> (between 1 and k - 1); needs <see cref="GradAccumulation"/> of 2 or more.</item>
    /// <item>epoch-aligned-unexplained: the natural logarithm of the spike's factor on the loss (1: times or divided by e).</item>
    /// </list>
    /// </summary>
    public double Strength { get; init; }

    /// <summary>
    /// Samples per epoch before trimming: the run uses whole batches and whole accumulation groups only, so that
    /// just a planted partial-last-batch or grad-accumulation-leftover makes a short one (the truth says how many were used).
    /// </summary>
    public int SamplesPerEpoch { get; init; } = 1000;

    public int Epochs { get; init; } = 5;

    public int BatchSize { get; init; } = 1;

    public BatchReduction Reduction { get; init; } = BatchReduction.Mean;

    public SamplingKind Sampling { get; init; } = SamplingKind.Reshuffled;

    /// <summary>Batches whose gradients are summed before each optimizer step (1: none). Losses are logged per batch.</summary>
    public int GradAccumulation { get; init; } = 1;

    public SampleLossModel Samples { get; init; } = new();

    public SkillCurve Skill { get; init; } = new();

    public NoiseModel Noise { get; init; } = NoiseModel.Gaussian;

    public LrPlan LearningRate { get; init; } = LrPlan.Constant;

    public CauseOptions CauseOptions { get; init; } = CauseOptions.Default;

    public LoggingOptions Logging { get; init; } = LoggingOptions.LossOnly;

    /// <summary>What a scenario factory called this run, for descriptions (e.g. "null: heavy-tailed").</summary>
    public string Scenario { get; init; } = "";
}
