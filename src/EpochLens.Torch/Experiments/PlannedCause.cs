using EpochLens.Diagnosis;

namespace EpochLens.Torch.Experiments;

/// <summary>One cause's experiment before training: its budget and its pair of runs (or why there is none).</summary>
/// <param name="Cause">The cause.</param>
/// <param name="Experiment">How the harness switches it; null when it cannot.</param>
/// <param name="Budget">Epochs and samples per epoch of its runs.</param>
/// <param name="Plan">The pair of runs; null without an experiment.</param>
public sealed record PlannedCause(CauseId Cause, CauseExperiment? Experiment, ExperimentBudget Budget, ExperimentPlan? Plan);
