namespace EpochLens.Sweeps;

/// <summary>Finds the runs of a sweep under a folder, names them by their path inside it, and keeps one shard's.</summary>
public static class SweepDiscovery
{
    /// <summary>
    /// The runs under <paramref name="folder"/> that <paramref name="shard"/> holds. Throws <see cref="LogReadException"/>
    /// when the folder does not exist or holds no log.
    /// </summary>
    public static SweepPlan Plan(LogReader reader, string folder, ReadOptions options, SweepShard shard, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(folder);
        if (!Directory.Exists(folder)) throw new LogReadException(folder, "no such folder");

        var found = reader.FindLogs(folder, options, problems);
        string root = Path.GetFullPath(folder);
        var copies = RayTuneTrials.Copies(found);
        var runs = new List<SweepRun>();
        var skipped = new List<SkippedRun>();
        foreach (var log in found)
        {
            string name = RunName(root, log.Name);
            if (!shard.Holds(name)) continue;

            string shown = Shown(folder, name);
            if (copies.TryGetValue(log, out var kept))
            {
                skipped.Add(new SkippedRun(shown, $"another copy of this Ray Tune trial's history: its {Path.GetFileName(kept.Name)} is read"));
                continue;
            }

            runs.Add(new SweepRun(name, log with { Name = shown }));
        }

        runs.Sort((a, b) => string.CompareOrdinal(a.Name, b.Name));
        skipped.Sort((a, b) => string.CompareOrdinal(a.Source, b.Source));
        return new SweepPlan(runs, skipped, found.Count);
    }

    /// <summary>The log's path relative to the sweep's folder, with '/' separators ("." for the folder itself).</summary>
    internal static string RunName(string root, string logName) =>
        Path.GetRelativePath(root, Path.GetFullPath(logName)).Replace('\\', '/');

    /// <summary>The run as the user's own path names it: "sweep/lr-0.1/metrics.csv" for a run "lr-0.1/metrics.csv" of "sweep/".</summary>
    private static string Shown(string folder, string name)
    {
        string trimmed = folder.Length > 1 ? folder.TrimEnd('/', '\\') : folder;
        return name == "." ? trimmed : $"{trimmed}/{name}";
    }
}
