namespace EpochLens.Sweeps;

/// <summary>
/// One of N shards of a sweep, numbered from 1 ("K/N"). A run belongs to the shard its name hashes to:
/// FNV-1a over the UTF-8 bytes of its path relative to the sweep's folder, with '/' separators, so every machine and
/// every listing order puts a run in the same shard, and the shards together hold each run exactly once.
/// </summary>
/// <param name="Index">The shard, from 1 to <paramref name="Count"/>.</param>
/// <param name="Count">How many shards the sweep is split into.</param>
public readonly record struct SweepShard(int Index, int Count)
{
    /// <summary>The most shards a sweep may be split into (a scheduler's array size, not a practical limit).</summary>
    public const int MaxCount = 1_000_000;

    /// <summary>The whole sweep as one shard.</summary>
    public static SweepShard All { get; } = new(1, 1);

    /// <summary>Parses "K/N"; on failure <paramref name="error"/> says what is wrong, in words that follow the setting's name ("takes K/N ...").</summary>
    public static bool TryParse(string? text, out SweepShard shard, out string error)
    {
        shard = All;
        error = "";
        var parts = (text ?? "").Split('/');
        if (parts.Length != 2
            || !int.TryParse(parts[0].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int index)
            || !int.TryParse(parts[1].Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out int count))
        {
            error = $"takes K/N (shard K of N, e.g. 2/8), not '{text}'";
            return false;
        }

        if (count < 1 || count > MaxCount)
        {
            error = $"{text}: N must be from 1 to {MaxCount:N0}";
            return false;
        }

        if (index < 1 || index > count)
        {
            // A Kubernetes Indexed Job's JOB_COMPLETION_INDEX and a 0-based Slurm array count from 0.
            error = $"{text}: K counts from 1 to N; for an index that counts from 0 give $((index + 1))/{count}";
            return false;
        }

        shard = new SweepShard(index, count);
        return true;
    }

    /// <summary>Whether the run with this name (its path relative to the sweep's folder) is in this shard.</summary>
    public bool Holds(string runName) => Count <= 1 || (int)(StableHash(runName) % (ulong)Count) == Index - 1;

    /// <summary>FNV-1a, 64 bits: defined by its spec, unlike string.GetHashCode, which changes with every process.</summary>
    public static ulong StableHash(string runName)
    {
        ArgumentNullException.ThrowIfNull(runName);
        ulong hash = 14695981039346656037UL;
        foreach (byte b in Encoding.UTF8.GetBytes(runName.Replace('\\', '/'))) hash = (hash ^ b) * 1099511628211UL;

        return hash;
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Index}/{Count}");
}
