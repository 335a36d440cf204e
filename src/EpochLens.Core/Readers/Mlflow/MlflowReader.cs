using System.Globalization;
using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Records;
using EpochLens.Readers.Series;

namespace EpochLens.Readers.Mlflow;

/// <summary>
/// The MLflow file store: mlruns/&lt;experiment id&gt;/&lt;run id&gt;/metrics/&lt;metric name&gt;, one file per metric
/// (a name with '/' becomes sub-folders), each line "&lt;timestamp ms&gt; &lt;value&gt; &lt;step&gt;". One log per run folder.
/// </summary>
/// <remarks>
/// Format facts from mlflow/store/tracking/file_store.py: log_metric appends
/// "%s %s %s\n" % (timestamp, value, step) with Python's str(float) for the value (so "nan", "inf",
/// "-inf"), and _get_metric_from_line accepts 2 or 3 space-separated fields, the step being 0 when absent
/// (files from MLflow before steps existed).
/// </remarks>
public sealed class MlflowReader : ILogReader
{
    public static readonly MlflowReader Default = new();

    private const string MetricsFolder = "metrics";
    private const string RunMeta = "meta.yaml";

    public string Format => "mlflow";

    public string Description => "MLflow file store runs (mlruns/<experiment>/<run>/metrics/<name>)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        if (MetricName(path) is null)
        {
            return false;
        }

        int newline = head.IndexOf((byte)'\n');
        var first = newline < 0 ? head : head[..newline];
        return first.IsEmpty || ParseLine(first, out _, out _, out _) is null;
    }

    /// <summary>The run folder, so that a run's metric files form one log.</summary>
    public string GroupKey(string path) => RunFolder(path) ?? path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var runs = source.Files.GroupBy(GroupKey, StringComparer.Ordinal).ToList();
        var logs = new List<TrainingLog>(runs.Count);
        foreach (var run in runs)
        {
            var series = new List<MetricSeries>();
            foreach (var file in run.OrderBy(f => f, StringComparer.Ordinal))
            {
                var name = MetricName(file) ?? Path.GetFileName(file);
                if (options.Metric is not null && name != options.Metric && name != "epoch")
                {
                    continue;
                }

                var built = ReadMetric(file, name, options, new ProblemReporter(file, problems, options.Strict));
                if (built is not null)
                {
                    series.Add(built);
                }
            }

            var epochs = series.FirstOrDefault(s => s.Role == SeriesRole.Epoch);
            if (options.Metric is { } metric)
            {
                series.RemoveAll(s => s.Name != metric);
            }

            var hint = EpochHints.FromEpochSeries(epochs, "MLflow 'epoch' metric");
            logs.Add(new TrainingLog(runs.Count == 1 ? source.Name : run.Key, Format, series, hint));
        }

        return logs;
    }

    private static MetricSeries? ReadMetric(string file, string name, ReadOptions options, ProblemReporter problems)
    {
        var collector = new SeriesCollector(name, options.KeepWallTimes, name == "epoch" ? SeriesRole.Epoch : SeriesRoles.FromName(name));
        using var stream = LogFile.Open(file, options);

        // MLflow ends every line with a newline: a last line without one was cut, and a cut step would be wrong.
        RecordLines.Read(stream, problems, (line, lines) =>
        {
            if (line.IsEmpty)
            {
                return;
            }

            var error = ParseLine(line, out long timestamp, out double value, out long step);
            if (error is not null)
            {
                problems.Report(lines.Position.ToString(), ProblemKind.BadValue, $"{error}: line skipped");
                return;
            }

            collector.Add(step, value, timestamp / 1000.0, problems, lines.Position);
        }, maxLineBytes: 4096, tooLong: ProblemKind.BadValue, utf8: false);

        return collector.Count == 0 ? null : collector.Build(problems);
    }

    /// <summary>Parses "timestamp value [step]" as MLflow's _get_metric_from_line does; returns why not, or null.</summary>
    private static string? ParseLine(ReadOnlySpan<byte> line, out long timestamp, out double value, out long step)
    {
        timestamp = 0;
        value = double.NaN;
        step = 0;
        line = line.TrimEnd((byte)'\r');
        int first = line.IndexOf((byte)' ');
        if (first < 0)
        {
            return "1 field where MLflow writes 'timestamp value step'";
        }

        var rest = line[(first + 1)..];
        int second = rest.IndexOf((byte)' ');
        var valueText = second < 0 ? rest : rest[..second];
        if (second >= 0 && rest[(second + 1)..].IndexOf((byte)' ') >= 0)
        {
            return "more than 3 fields where MLflow writes 'timestamp value step'";
        }

        if (!long.TryParse(line[..first], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out timestamp))
        {
            return "the timestamp is not a whole number";
        }

        if (!TextNumber.TryParseDouble(valueText, out value))
        {
            return "the value is not a number";
        }

        if (second >= 0 && StepText.Parse(rest[(second + 1)..], out step) is var reading and not StepReading.Whole)
        {
            return $"the step is {StepText.Describe(reading)}";
        }

        return null;
    }

    /// <summary>The metric name: the path below the run's metrics folder, with '/' separators; null when the file is not in one.</summary>
    private static string? MetricName(string path)
    {
        var run = RunFolder(path);
        return run is null ? null : Path.GetRelativePath(Path.Combine(run, MetricsFolder), Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');
    }

    /// <summary>The nearest folder above the file that has a metrics folder on the way and a meta.yaml: the run.</summary>
    private static string? RunFolder(string path)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        for (int depth = 0; dir is not null && depth < 32; depth++)
        {
            if (Path.GetFileName(dir) == MetricsFolder)
            {
                var run = Path.GetDirectoryName(dir);
                if (run is not null && File.Exists(Path.Combine(run, RunMeta)))
                {
                    return run;
                }
            }

            dir = Path.GetDirectoryName(dir);
        }

        return null;
    }
}
