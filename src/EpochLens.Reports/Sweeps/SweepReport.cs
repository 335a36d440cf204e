using EpochLens.Sweeps;

namespace EpochLens.Reports.Sweeps;

/// <summary>The answer for a sweep: every run's diagnosis, worst first, and what was skipped and why; the one model every sweep report renders.</summary>
public sealed class SweepReport
{
    private SweepReport(IReadOnlyList<RunDiagnosis> runs, IReadOnlyList<SkippedRun> skipped)
    {
        Runs = runs;
        Skipped = skipped;
        Folder = CommonFolder([.. runs.Select(r => r.Source), .. skipped.Select(s => s.Source)]);
    }

    /// <summary>The folder every run and skipped log lies in ("sweep/" for "sweep/a/metrics.csv" and "sweep/b/metrics.csv"), or "".</summary>
    public string Folder { get; }

    /// <summary>The run's source inside <see cref="Folder"/>: the summary's run column stays narrow.</summary>
    public string Inside(string source)
    {
        ArgumentNullException.ThrowIfNull(source);
        return Folder.Length > 0 && source.Length > Folder.Length && source.StartsWith(Folder, StringComparison.Ordinal) ? source[Folder.Length..] : source;
    }

    /// <summary>The runs, worst first (<see cref="SweepOrder"/>).</summary>
    public IReadOnlyList<RunDiagnosis> Runs { get; }

    /// <summary>What gave no diagnosis, ordered by source.</summary>
    public IReadOnlyList<SkippedRun> Skipped { get; }

    /// <summary>
    /// Orders the runs worst first and the skipped entries by source: the same runs in any order (one process's, or
    /// shards' merged) give the same report.
    /// </summary>
    public static SweepReport Create(IEnumerable<RunDiagnosis> runs, IEnumerable<SkippedRun> skipped)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(skipped);
        return new SweepReport(
            [.. runs.Order(SweepOrder.WorstFirst)],
            [.. skipped.OrderBy(s => s.Source, StringComparer.Ordinal).ThenBy(s => s.Reason, StringComparer.Ordinal)]);
    }

    private static string CommonFolder(IReadOnlyList<string> sources)
    {
        if (sources.Count < 2) return "";

        string common = sources[0];
        foreach (var source in sources)
        {
            int n = 0;
            while (n < common.Length && n < source.Length && common[n] == source[n]) n++;

            common = common[..n];
        }

        int slash = common.LastIndexOfAny(['/', '\\']);
        return slash < 0 ? "" : common[..(slash + 1)];
    }
}
