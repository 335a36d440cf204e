using EpochLens.Telemetry;
using EpochLens.Torch.Telemetry;

namespace EpochLens.Torch.Training;

/// <summary>
/// Everything a training run depends on. The defaults are the question's setup: Adam with learning
/// rate 1e-5, batch size 1, 5039 samples per epoch reshuffled every epoch.
/// </summary>
public sealed record TrainOptions
{
    public double LearningRate { get; init; } = 1e-5;
    public int BatchSize { get; init; } = 1;
    public int Epochs { get; init; } = 3;

    /// <summary>Training samples per epoch: the first this many of the training set (the question had 5039).</summary>
    public int SamplesPerEpoch { get; init; } = 5039;

    public int Seed { get; init; } = 1;

    /// <summary>CPU threads for libtorch. One is fastest for batch size 1, where per-operation overhead dominates.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Adam's first and second moment decay rates (PyTorch's defaults).</summary>
    public double Beta1 { get; init; } = 0.9;

    public double Beta2 { get; init; } = 0.999;

    /// <summary>Evaluate on the held-out set at the end of every epoch.</summary>
    public bool EvaluateEachEpoch { get; init; } = true;

    public CauseSwitches Causes { get; init; } = new();

    /// <summary>The steps whose gradient and update norms the telemetry measures.</summary>
    public NormSchedule Norms { get; init; } = NormSchedule.Sampled;

    /// <summary>The samples each epoch actually trains on, after the memorise switch.</summary>
    public int EffectiveSamplesPerEpoch => Causes.MemorizeSubset ?? SamplesPerEpoch;

    /// <summary>Training samples the run needs: one epoch's, or every epoch's when each epoch takes fresh samples.</summary>
    public int SamplesLoaded => Causes.FreshSamplesEachEpoch ? EffectiveSamplesPerEpoch * Epochs : EffectiveSamplesPerEpoch;

    /// <summary>Batches per epoch: the last one is short when the samples are not a multiple of the batch size, unless dropped.</summary>
    public int StepsPerEpoch => Causes.DropLast
        ? EffectiveSamplesPerEpoch / BatchSize
        : (EffectiveSamplesPerEpoch + BatchSize - 1) / BatchSize;

    /// <summary>Problems that make these options unusable with a training set of <paramref name="trainCount"/> samples.</summary>
    public IEnumerable<string> Problems(int trainCount)
    {
        if (!(LearningRate > 0) || double.IsInfinity(LearningRate))
            yield return $"the learning rate must be a positive number (got {LearningRate})";

        if (BatchSize < 1) yield return $"the batch size must be at least 1 (got {BatchSize})";

        if (Epochs < 1) yield return $"train for at least one epoch (got {Epochs})";

        if (EffectiveSamplesPerEpoch < 1)
        {
            yield return $"an epoch needs at least one sample (got {EffectiveSamplesPerEpoch})";
        }
        else if (EffectiveSamplesPerEpoch > trainCount)
        {
            yield return $"{EffectiveSamplesPerEpoch} samples per epoch asked for, but the training set holds only {trainCount}";
        }
        else if (Epochs >= 1 && (long)EffectiveSamplesPerEpoch * Epochs > trainCount && Causes.FreshSamplesEachEpoch)
        {
            yield return $"fresh samples every epoch need {(long)EffectiveSamplesPerEpoch * Epochs} training samples ({Epochs} epochs of {EffectiveSamplesPerEpoch}), but the training set holds only {trainCount}";
        }

        if (EffectiveSamplesPerEpoch >= 1 && BatchSize >= 1 && StepsPerEpoch < 1)
            yield return $"with --{CauseSwitchNames.DropLast}, {EffectiveSamplesPerEpoch} samples make no full batch of {BatchSize}";

        if (Threads < 1) yield return $"use at least one thread (got {Threads})";

        if (Beta1 is < 0 or >= 1 || Beta2 is < 0 or >= 1)
        {
            yield return $"Adam's betas must lie in [0, 1) (got {Beta1}, {Beta2})";
        }

        if (Causes.GradAccumulation < 1)
            yield return $"gradient accumulation must be at least 1 (got {Causes.GradAccumulation})";
    }
}
