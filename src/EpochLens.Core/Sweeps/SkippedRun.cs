namespace EpochLens.Sweeps;

/// <summary>A log or file in a sweep that gave no diagnosis, and why (unreadable, no training loss, too short, a duplicate).</summary>
/// <param name="Source">The file or run folder, as the sweep names it.</param>
/// <param name="Reason">Why, in words.</param>
public sealed record SkippedRun(string Source, string Reason);
