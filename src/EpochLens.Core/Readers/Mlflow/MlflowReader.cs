using EpochLens.Readers.Records;

namespace EpochLens.Readers.Mlflow;

/// <summary>
/// The MLflow file store, one log per run folder: a file per metric (a name with '/' becomes sub-folders), each line
/// "timestamp_ms value step" (mlflow/store/tracking/file_store.py: Python's str(float), so "nan", "inf"; the step,
/// 0 when absent, came in later MLflow versions).
/// </summary>
public sealed class MlflowReader : ILogReader
{
    public static readonly MlflowReader Default = new();

    private const string MetricsFolder = "metrics";
    private const string RunMeta = "meta.yaml";
    private const string Fields = "where MLflow writes 'timestamp value step'";

    public string Format => "mlflow";

    public string Description => "MLflow file store runs (mlruns/<experiment>/<run>/metrics/<name>)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        int newline = head.IndexOf((byte)'\n');
        var first = newline < 0 ? head : head[..newline];
        return MetricName(path) is not null && (first.IsEmpty || ParseLine(first, out _, out _, out _) is null);
    }

    public string GroupKey(string path) => RunFolder(path) ?? path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        return [.. source.Runs(GroupKey).Select(run =>
            ReadRun(run.Name, run.Files.Order(StringComparer.Ordinal), options, problems))];
    }

    private TrainingLog ReadRun(string name, IEnumerable<string> files, ReadOptions options, IProblemSink sink)
    {
        // The epoch metric is read whatever the metric option says: it gives the epoch hint.
        var series = files.Select(file => (File: file, Name: MetricName(file) ?? Path.GetFileName(file)))
            .Where(metric => options.Metric is null || metric.Name == options.Metric || metric.Name == "epoch")
            .Select(metric => ReadMetric(metric.File, metric.Name, options, sink))
            .OfType<MetricSeries>().ToList();
        var hint = EpochHints.FromEpochSeries(series.Find(s => s.Role == SeriesRole.Epoch), "MLflow 'epoch' metric");
        if (options.Metric is { } metric) series.RemoveAll(s => s.Name != metric);
        return new TrainingLog(name, Format, series, hint);
    }

    private static MetricSeries? ReadMetric(string file, string name, ReadOptions options, IProblemSink sink)
    {
        var problems = new ProblemReporter(file, sink, options.Strict);
        var role = name == "epoch" ? SeriesRole.Epoch : SeriesRoles.FromName(name);
        var collector = new SeriesCollector(name, options.KeepWallTimes, role);
        using var stream = LogFile.Open(file, options, out var bounded);

        // MLflow ends every line with a newline: a last line without one was cut, and a cut step would be wrong.
        RecordLines.Read(stream, problems, (line, lines) =>
        {
            if (line.IsEmpty) return;
            var error = ParseLine(line, out long timestamp, out double value, out long step);
            if (error is null) collector.Add(step, value, timestamp / 1000.0, problems, lines.Position);
            else problems.Report(lines.Position.ToString(), ProblemKind.BadValue, $"{error}: line skipped");
        }, maxLineBytes: 4096, tooLong: ProblemKind.BadValue, utf8: false, bounded: bounded);
        return collector.Count == 0 ? null : collector.Build(problems);
    }

    /// <summary>Parses "timestamp value [step]" like MLflow's _get_metric_from_line; returns why not, or null.</summary>
    private static string? ParseLine(ReadOnlySpan<byte> line, out long timestamp, out double value, out long step)
    {
        (timestamp, value, step) = (0, double.NaN, 0);
        line = line.TrimEnd((byte)'\r');
        int fields = line.Count((byte)' ') + 1, first = line.IndexOf((byte)' '), last = line.LastIndexOf((byte)' ');
        if (fields is 1 or > 3) return fields == 1 ? $"1 field {Fields}" : $"more than 3 fields {Fields}";
        if (!long.TryParse(line[..first], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out timestamp))
            return "the timestamp is not a whole number";

        var valueText = line[(first + 1)..(fields == 3 ? last : line.Length)];
        if (!TextNumber.TryParseDouble(valueText, out value)) return "the value is not a number";
        if (fields == 3 && StepText.Parse(line[(last + 1)..], out step) is var reading and not StepReading.Whole)
            return $"the step is {StepText.Describe(reading)}";

        return null;
    }

    /// <summary>The path below the run's metrics folder, '/' separated; null outside one.</summary>
    private static string? MetricName(string path) => RunFolder(path) is { } run
        ? Path.GetRelativePath(Path.Combine(run, MetricsFolder), Path.GetFullPath(path))
            .Replace(Path.DirectorySeparatorChar, '/')
        : null;

    /// <summary>The nearest folder above the file with a metrics folder on the way and a meta.yaml: the run.</summary>
    private static string? RunFolder(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        for (int depth = 0; dir is not null && depth < 32; depth++, dir = Path.GetDirectoryName(dir))
        {
            var run = Path.GetFileName(dir) == MetricsFolder ? Path.GetDirectoryName(dir) : null;
            if (run is not null && File.Exists(Path.Combine(run, RunMeta))) return run;
        }

        return null;
    }
}
