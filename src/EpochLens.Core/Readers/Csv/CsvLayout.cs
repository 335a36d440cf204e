using EpochLens.Logs;

namespace EpochLens.Readers.Csv;

/// <summary>Which column is the step, the epoch, the wall time, and which are series, for each run in the file.</summary>
internal sealed class CsvLayout
{
    private const string LightningStepSuffix = "_step";
    private const string LightningEpochSuffix = "_epoch";

    private static readonly ValueAveraging LightningPerStep =
        new(AveragingKind.PerStep, Evidence: "Lightning names a value logged on_step '<name>_step'");

    private static readonly ValueAveraging LightningEpochMean =
        new(AveragingKind.EpochMean, Evidence: "Lightning names the epoch's mean of a value logged on_epoch '<name>_epoch'");

    private CsvLayout(string[] names, int stepIndex, int wallTimeIndex, IReadOnlyList<CsvRunLayout> runs)
    {
        Names = names;
        StepIndex = stepIndex;
        WallTimeIndex = wallTimeIndex;
        Runs = runs;
    }

    public string[] Names { get; }

    /// <summary>The step column, or -1 when the row index is the step.</summary>
    public int StepIndex { get; }

    public int WallTimeIndex { get; }

    public IReadOnlyList<CsvRunLayout> Runs { get; }

    /// <summary>The same columns with the row index as the step: a step column of fractions no scale makes whole (<see cref="FractionalSteps"/>).</summary>
    public CsvLayout WithoutStep() => new(Names, -1, WallTimeIndex, Runs);

    /// <summary>Plans the columns; throws <see cref="LogReadException"/> when a column named in the options is missing.</summary>
    /// <param name="firstIsStep">For a file without a header: whether col0 held increasing whole numbers.</param>
    public static CsvLayout Plan(string file, string[] names, ReadOptions options, bool headerless, bool firstIsStep)
    {
        int step = options.StepColumn is { } stepName ? Required(file, names, stepName, "step")
            : headerless ? (firstIsStep ? 0 : -1) : BestStep(names);
        int epoch = options.EpochColumn is { } epochName ? Required(file, names, epochName, "epoch")
            : headerless ? -1 : First(names, i => i != step && CsvColumnNames.IsEpoch(names[i]));
        int wall = headerless ? -1 : First(names, i => i != step && i != epoch && CsvColumnNames.IsWallTime(names[i]));

        var others = Enumerable.Range(0, names.Length).Where(i => i != step && i != epoch && i != wall).ToList();
        bool wandb = !headerless && others.Count > 0
            && others.All(i => names[i].Contains(CsvColumnNames.RunSeparator, StringComparison.Ordinal));

        // Group the columns by run (one group when the file is not a W&B export).
        var runOrder = new List<string?>();
        var runColumns = new Dictionary<string, List<(int Index, string Metric)>>(StringComparer.Ordinal);
        var runEpochs = new Dictionary<string, (int Index, string Metric)>(StringComparer.Ordinal);
        foreach (int i in others)
        {
            string? run = null;
            string metric = names[i];
            if (wandb)
            {
                int cut = names[i].LastIndexOf(CsvColumnNames.RunSeparator, StringComparison.Ordinal);
                run = names[i][..cut];
                metric = names[i][(cut + CsvColumnNames.RunSeparator.Length)..];
                if (CsvColumnNames.IsWandbStepCompanion(metric))
                {
                    continue;
                }
            }

            string key = run ?? "";
            if (!runColumns.TryGetValue(key, out var columns))
            {
                runColumns[key] = columns = [];
                runOrder.Add(run);
            }

            if (wandb && epoch < 0 && CsvColumnNames.IsEpoch(metric))
            {
                runEpochs.TryAdd(key, (i, metric));
            }
            else if (!(wandb && metric.StartsWith("epoch__", StringComparison.OrdinalIgnoreCase)))
            {
                columns.Add((i, metric));
            }
        }

        if (runOrder.Count == 0)
        {
            runOrder.Add(null);
            runColumns[""] = [];
        }

        var runs = new List<CsvRunLayout>();
        foreach (var run in runOrder)
        {
            var columns = runColumns[run ?? ""];
            var metrics = Classify(columns);
            var (runEpoch, runEpochName) = runEpochs.TryGetValue(run ?? "", out var own) ? own
                : epoch >= 0 ? (epoch, names[epoch]) : (-1, "");
            runs.Add(new CsvRunLayout(run, runEpoch, runEpochName, metrics));
        }

        if (options.Metric is { } wanted)
        {
            runs = Select(file, runs, wanted);
        }

        return new CsvLayout(names, step, wall, runs);
    }

    /// <summary>Roles and averaging from the names; the epoch means of Lightning go after the per-step series.</summary>
    private static List<CsvMetricColumn> Classify(List<(int Index, string Metric)> columns)
    {
        var present = new HashSet<string>(columns.Select(c => c.Metric), StringComparer.Ordinal);
        var result = new List<CsvMetricColumn>();
        foreach (var (index, metric) in columns)
        {
            var averaging = ValueAveraging.Unknown;
            string baseName = metric;
            if (CsvColumnNames.IsMinMaxCompanion(metric))
            {
                // The bucket minimum or maximum of a downsampled W&B chart: kept, but never taken for the metric.
                result.Add(new CsvMetricColumn(index, metric, SeriesRole.Other, averaging));
                continue;
            }

            if (metric.EndsWith(LightningStepSuffix, StringComparison.Ordinal)
                && present.Contains(metric[..^LightningStepSuffix.Length] + LightningEpochSuffix))
            {
                baseName = metric[..^LightningStepSuffix.Length];
                averaging = LightningPerStep;
            }
            else if (metric.EndsWith(LightningEpochSuffix, StringComparison.Ordinal)
                && present.Contains(metric[..^LightningEpochSuffix.Length] + LightningStepSuffix))
            {
                baseName = metric[..^LightningEpochSuffix.Length];
                averaging = LightningEpochMean;
            }

            result.Add(new CsvMetricColumn(index, metric, CsvColumnNames.RoleOf(baseName), averaging));
        }

        return [.. result.OrderBy(c => c.Averaging.Kind == AveragingKind.EpochMean ? 1 : 0)];
    }

    /// <summary>Keeps only the wanted metric, matched by its name or the full column name, exactly or else ignoring case.</summary>
    private static List<CsvRunLayout> Select(string file, List<CsvRunLayout> runs, string wanted)
    {
        foreach (var comparison in new[] { StringComparison.Ordinal, StringComparison.OrdinalIgnoreCase })
        {
            var selected = runs
                .Select(r => r with { Metrics = [.. r.Metrics.Where(m => Matches(r, m, wanted, comparison))] })
                .Where(r => r.Metrics.Count > 0)
                .ToList();
            if (selected.Count > 0)
            {
                return selected;
            }
        }

        var known = runs.SelectMany(r => r.Metrics).Select(m => m.Name).Distinct(StringComparer.Ordinal);
        throw new LogReadException(file, $"no metric column '{wanted}' (metric columns: {string.Join(", ", known)})");
    }

    private static bool Matches(CsvRunLayout run, CsvMetricColumn metric, string wanted, StringComparison comparison) =>
        string.Equals(metric.Name, wanted, comparison)
        || (run.Name is not null && string.Equals(run.Name + CsvColumnNames.RunSeparator + metric.Name, wanted, comparison));

    private static int Required(string file, string[] names, string wanted, string what)
    {
        int index = Array.FindIndex(names, n => string.Equals(n, wanted, StringComparison.Ordinal));
        if (index < 0)
        {
            index = Array.FindIndex(names, n => string.Equals(n, wanted, StringComparison.OrdinalIgnoreCase));
        }

        return index >= 0 ? index
            : throw new LogReadException(file, $"no {what} column '{wanted}' (columns: {string.Join(", ", names)})");
    }

    private static int BestStep(string[] names)
    {
        int best = -1, bestRank = int.MaxValue;
        for (int i = 0; i < names.Length; i++)
        {
            int rank = CsvColumnNames.StepRank(names[i]);
            if (rank >= 0 && rank < bestRank)
            {
                best = i;
                bestRank = rank;
            }
        }

        return best;
    }

    private static int First(string[] names, Func<int, bool> predicate) => Enumerable.Range(0, names.Length).FirstOrDefault(predicate, -1);
}
