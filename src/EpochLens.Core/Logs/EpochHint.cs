namespace EpochLens.Logs;

/// <summary>What a log itself says about its epochs, when it says anything.</summary>
/// <param name="StepsPerEpoch">Steps per epoch, possibly fractional (Hugging Face: max_steps / num_train_epochs).</param>
/// <param name="EpochStartSteps">The first step of each epoch, when the log marks them.</param>
/// <param name="Origin">Where it came from, e.g. "run.json steps_per_epoch" or "mmengine 'Epoch [e][i/N]' lines".</param>
public sealed record EpochHint(double? StepsPerEpoch, IReadOnlyList<long>? EpochStartSteps, string Origin);
