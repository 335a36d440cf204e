namespace EpochLens.Sweeps;

/// <summary>The runs a sweep will analyse (this shard's), and the logs found but left out with the reason.</summary>
/// <param name="Runs">The runs, in the order of their names.</param>
/// <param name="Skipped">Logs left out before reading (another copy of a run's history).</param>
/// <param name="Found">How many runs were found under the folder, in every shard.</param>
public sealed record SweepPlan(IReadOnlyList<SweepRun> Runs, IReadOnlyList<SkippedRun> Skipped, int Found);
