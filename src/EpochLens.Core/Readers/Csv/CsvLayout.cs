namespace EpochLens.Readers.Csv;

/// <summary>Which column is the step, the epoch, the wall time, and which are series, for each run in the file.</summary>
/// <param name="StepIndex">The step column, or -1 when the row index is the step.</param>
internal sealed record CsvLayout(string[] Names, int StepIndex, int WallTimeIndex, IReadOnlyList<CsvRunLayout> Runs)
{
    private const string StepSuffix = "_step";
    private const string EpochSuffix = "_epoch";

    private static readonly ValueAveraging LightningPerStep =
        new(AveragingKind.PerStep, Evidence: "Lightning names a value logged on_step '<name>_step'");

    private static readonly ValueAveraging LightningEpochMean =
        new(AveragingKind.EpochMean, Evidence: "Lightning names the epoch's mean of a value logged on_epoch '<name>_epoch'");

    /// <summary>The layout from the header, or without one (<paramref name="firstRows"/> given) of col0, col1, ...</summary>
    /// <param name="firstRows">The first rows of a file without a header, its first line among them; else null.</param>
    public static CsvLayout Plan(string file, string[] header, List<CsvLine>? firstRows, ReadOptions options)
    {
        string[] names = firstRows is null ? HeaderNames(header) : [.. header.Select((_, i) => $"col{i}")];
        int step = options.StepColumn is { } stepName ? Required(file, names, stepName, "step")
            : firstRows is null ? BestStep(names) : CountsUp(firstRows) ? 0 : -1;
        int epoch = options.EpochColumn is { } epochName ? Required(file, names, epochName, "epoch")
            : firstRows is not null ? -1 : First(names, i => i != step && CsvColumnNames.IsEpoch(names[i]));
        int wall = firstRows is not null ? -1
            : First(names, i => i != step && i != epoch && CsvColumnNames.IsWallTime(names[i]));

        var others = Enumerable.Range(0, names.Length).Where(i => i != step && i != epoch && i != wall).ToList();
        bool wandb = firstRows is null && others.Count > 0
            && others.All(i => names[i].Contains(CsvColumnNames.RunSeparator, StringComparison.Ordinal));

        // Group the columns by run (one group, of run null, when the file is not a W&B export).
        var runs = new OrderedDictionary<string, RunColumns>();
        foreach (int i in others)
        {
            int cut = wandb ? names[i].LastIndexOf(CsvColumnNames.RunSeparator, StringComparison.Ordinal) : -1;
            string? run = wandb ? names[i][..cut] : null;
            string metric = wandb ? names[i][(cut + CsvColumnNames.RunSeparator.Length)..] : names[i];
            if (wandb && CsvColumnNames.IsWandbStepCompanion(metric)) continue;

            if (!runs.TryGetValue(run ?? "", out var group)) runs[run ?? ""] = group = new RunColumns(run, [], null);

            if (wandb && epoch < 0 && CsvColumnNames.IsEpoch(metric))
                runs[run ?? ""] = group with { Epoch = group.Epoch ?? (i, metric) };
            else if (!(wandb && metric.StartsWith("epoch__", StringComparison.OrdinalIgnoreCase)))
                group.Columns.Add((i, metric));
        }

        if (runs.Count == 0) runs[""] = new RunColumns(null, [], null);

        var planned = runs.Values.Select(g => new CsvRunLayout(g.Run, g.Epoch?.Index ?? epoch,
            g.Epoch?.Name ?? (epoch >= 0 ? names[epoch] : ""), Classify(g.Columns))).ToList();
        return new CsvLayout(names, step, wall, options.Metric is { } wanted ? Select(file, planned, wanted) : planned);
    }

    /// <summary>Roles and averaging from the names; the epoch means of Lightning go after the per-step series.</summary>
    private static List<CsvMetricColumn> Classify(List<(int Index, string Metric)> columns)
    {
        var present = columns.Select(c => c.Metric).ToHashSet(StringComparer.Ordinal);
        var result = new List<CsvMetricColumn>();
        foreach (var (index, metric) in columns)
        {
            // The bucket minimum or maximum of a downsampled W&B chart: kept, but never taken for the metric.
            if (CsvColumnNames.IsMinMaxCompanion(metric))
            {
                result.Add(new CsvMetricColumn(index, metric, SeriesRole.Other, ValueAveraging.Unknown));
                continue;
            }

            // Lightning names a value logged both on_step and on_epoch '<name>_step' and '<name>_epoch'.
            bool perStep = metric.EndsWith(StepSuffix, StringComparison.Ordinal);
            string stem = perStep ? metric[..^StepSuffix.Length]
                : metric.EndsWith(EpochSuffix, StringComparison.Ordinal) ? metric[..^EpochSuffix.Length] : metric;
            bool paired = stem != metric && present.Contains(stem + StepSuffix) && present.Contains(stem + EpochSuffix);
            var averaging = !paired ? ValueAveraging.Unknown : perStep ? LightningPerStep : LightningEpochMean;
            result.Add(new CsvMetricColumn(index, metric, CsvColumnNames.RoleOf(paired ? stem : metric), averaging));
        }

        return [.. result.OrderBy(c => c.Averaging.Kind == AveragingKind.EpochMean ? 1 : 0)];
    }

    /// <summary>Keeps only the wanted metric, matched by its name or the full column name, exactly or else ignoring case.</summary>
    private static List<CsvRunLayout> Select(string file, List<CsvRunLayout> runs, string wanted)
    {
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            bool Matches(CsvRunLayout run, CsvMetricColumn metric) => string.Equals(metric.Name, wanted, comparison)
                || (run.Name is not null && string.Equals(run.Name + CsvColumnNames.RunSeparator + metric.Name, wanted, comparison));

            var selected = runs.Select(r => r with { Metrics = [.. r.Metrics.Where(m => Matches(r, m))] })
                .Where(r => r.Metrics.Count > 0).ToList();
            if (selected.Count > 0) return selected;
        }

        var known = runs.SelectMany(r => r.Metrics).Select(m => m.Name).Distinct(StringComparer.Ordinal);
        throw new LogReadException(file, $"no metric column '{wanted}' (metric columns: {string.Join(", ", known)})");
    }

    private static int Required(string file, string[] names, string wanted, string what)
    {
        int index = Array.FindIndex(names, n => string.Equals(n, wanted, StringComparison.Ordinal));
        if (index < 0) index = Array.FindIndex(names, n => n.Equals(wanted, StringComparison.OrdinalIgnoreCase));

        return index >= 0 ? index
            : throw new LogReadException(file, $"no {what} column '{wanted}' (columns: {string.Join(", ", names)})");
    }

    private static string[] HeaderNames(string[] cells)
    {
        var names = new string[cells.Length];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < cells.Length; i++)
        {
            string name = TextNumber.Trim(cells[i]).ToString() is { Length: > 0 } trimmed ? trimmed : $"col{i}";

            // Two columns of one name would make two series no one can tell apart.
            names[i] = seen.Add(name) ? name : $"{name} (column {i + 1})";
            seen.Add(names[i]);
        }

        return names;
    }

    /// <summary>Whether the first cells of the rows are increasing whole numbers.</summary>
    private static bool CountsUp(List<CsvLine> rows)
    {
        var steps = rows
            .Select(r => TextNumber.ParseStep(r.Cells[0], 0, out long s, out _) == StepReading.Whole ? s : long.MinValue)
            .ToList();
        return steps.Count > 0 && steps[0] > long.MinValue && steps.Zip(steps.Skip(1)).All(p => p.Second > p.First);
    }

    /// <summary>The column whose name ranks first among the step names (the leftmost of equals), or -1.</summary>
    private static int BestStep(string[] names) =>
        names.Select((name, i) => (Rank: CsvColumnNames.StepRank(name), Index: i)).Where(c => c.Rank >= 0)
            .OrderBy(c => c.Rank).Select(c => c.Index).FirstOrDefault(-1);

    private static int First(string[] names, Func<int, bool> predicate) => Enumerable.Range(0, names.Length).FirstOrDefault(predicate, -1);
}

/// <summary>The columns of one run: the whole file, or one run (<paramref name="Name"/>) of a W&amp;B export.</summary>
/// <param name="EpochIndex">The column holding this run's epoch, or -1.</param>
internal sealed record CsvRunLayout(string? Name, int EpochIndex, string EpochName, IReadOnlyList<CsvMetricColumn> Metrics);

/// <summary>A column read as a series.</summary>
internal sealed record CsvMetricColumn(int Index, string Name, SeriesRole Role, ValueAveraging Averaging);

/// <summary>A run's columns while the layout is planned.</summary>
internal sealed record RunColumns(
    string? Run, List<(int Index, string Metric)> Columns, (int Index, string Name)? Epoch);
