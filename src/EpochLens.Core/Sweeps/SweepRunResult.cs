namespace EpochLens.Sweeps;

/// <summary>What one run of a sweep gave: its diagnoses (usually one), what was skipped in it, and the problems met reading it.</summary>
/// <typeparam name="T">What the caller kept of each diagnosis.</typeparam>
public sealed record SweepRunResult<T>(SweepRun Run, IReadOnlyList<T> Diagnoses, IReadOnlyList<SkippedRun> Skipped, ProblemLog Problems);
