using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>A progress report of one of several runs trained side by side.</summary>
/// <param name="Index">The run's index in the list given to the runner.</param>
/// <param name="Label">The run's label.</param>
/// <param name="Progress">The trainer's own report.</param>
public sealed record RunProgress(int Index, string Label, TrainingProgress Progress);
