namespace EpochLens.Sweeps;

/// <summary>One run of a sweep, found and not yet read.</summary>
/// <param name="Name">Its path relative to the sweep's folder, with '/' separators: what shards hash.</param>
/// <param name="Log">The log's reader and files, named as the user's path names it.</param>
public sealed record SweepRun(string Name, FoundLog Log);
