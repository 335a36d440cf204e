namespace EpochLens.Logs;

/// <summary>What a log itself says about its epochs, when it says anything.</summary>
/// <param name="StepsPerEpoch">Steps per epoch, possibly fractional (Hugging Face: max_steps / num_train_epochs).</param>
/// <param name="EpochStartSteps">The first step of each epoch, when the log marks them.</param>
/// <param name="Origin">Where it came from, e.g. "run.json steps_per_epoch" or "mmengine 'Epoch [e][i/N]' lines".</param>
/// <param name="FirstEpochStart">
/// The step that begins the first epoch when the format fixes it, with <paramref name="StepsPerEpoch"/>: the Hugging
/// Face Trainer logs its global step after each update, counting from 1, so epoch e holds steps eN+1 to (e+1)N and
/// a point logged at step N (the mean of an interval ending there) belongs to the first epoch. Null: the reader
/// does not know, and the first logged step decides (EpochResolver.DefaultOrigin).
/// </param>
public sealed record EpochHint(double? StepsPerEpoch, IReadOnlyList<long>? EpochStartSteps, string Origin, long? FirstEpochStart = null);
