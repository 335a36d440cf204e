using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Records;
using EpochLens.Readers.Series;
using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>Reads one telemetry folder into a log (see <see cref="TelemetryReader"/>).</summary>
internal sealed class TelemetryRunParser
{
    /// <summary>run.json is a few hundred bytes; anything much larger is not one.</summary>
    private const long MaxRunDescriptionBytes = 1 << 20;

    private readonly TelemetryFolder _files;
    private readonly ReadOptions _options;
    private readonly IProblemSink _sink;
    private readonly List<long> _sampleSteps = [];
    private readonly List<int[]> _sampleIds = [];

    public TelemetryRunParser(TelemetryFolder files, ReadOptions options, IProblemSink sink)
    {
        _files = files;
        _options = options;
        _sink = sink;
    }

    public TrainingLog Read(string sourceName, string format)
    {
        if (_files.Steps is null && _files.Epochs is null)
        {
            throw new LogReadException(_files.Folder, "an EpochLens telemetry folder without steps or epochs files: nothing to read");
        }

        var run = ReadRunDescription();
        var loggedAveraging = run is not null && run.CauseSwitches.ContainsKey(CauseSwitchNames.LogRunningMean)
            ? new ValueAveraging(AveragingKind.RunningMeanSinceEpochStart, null, $"run.json cause_switches has {CauseSwitchNames.LogRunningMean}")
            : null;

        MetricSeries? epochs = null;
        var series = new List<MetricSeries>();
        if (_files.Steps is not null)
        {
            epochs = ReadSteps(_files.Steps, loggedAveraging, series);
        }

        if (_files.Epochs is not null)
        {
            ReadEpochs(_files.Epochs, series);
        }

        if (_options.Metric is { } metric)
        {
            series.RemoveAll(s => s.Name != metric);
        }

        var samples = _sampleSteps.Count == 0 || (_options.Metric is not null) ? null : new StepSamples([.. _sampleSteps], [.. _sampleIds]);
        return new TrainingLog(sourceName, format, series, Hint(run, epochs), samples);
    }

    private EpochHint? Hint(RunDescription? run, MetricSeries? epochs)
    {
        var fromColumn = EpochHints.FromEpochSeries(epochs, $"epoch column of {Path.GetFileName(_files.Steps)}");
        double? perEpoch = run is { StepsPerEpoch: > 0 } ? run.StepsPerEpoch : null;
        if (perEpoch is null)
        {
            return fromColumn;
        }

        var origin = fromColumn is null ? "run.json steps_per_epoch" : $"run.json steps_per_epoch; epoch starts from the {fromColumn.Origin}";
        return new EpochHint(perEpoch, fromColumn?.EpochStartSteps, origin);
    }

    private RunDescription? ReadRunDescription()
    {
        if (_files.Run is null)
        {
            return null;
        }

        var problems = new ProblemReporter(_files.Run, _sink, _options.Strict);
        try
        {
            if (new FileInfo(_files.Run).Length > MaxRunDescriptionBytes)
            {
                problems.Report("", ProblemKind.Malformed, $"larger than {MaxRunDescriptionBytes} bytes: not a run description, ignored");
                return null;
            }

            return RunDescription.Read(_files.Run);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            problems.Report("", ProblemKind.Malformed, $"cannot be read as a run description ({e.Message}): epoch length not taken from it");
            return null;
        }
    }

    private static bool IsHeader(ReadOnlySpan<byte> line) => line[0] is (byte)'s' or (byte)'e' && (line.StartsWith("step,"u8) || line.StartsWith("epoch,"u8));

    /// <summary>Reads the steps file into <paramref name="series"/>; returns its epoch series.</summary>
    private MetricSeries? ReadSteps(string file, ValueAveraging? loggedAveraging, List<MetricSeries> series)
    {
        var layout = TelemetryLayout.Steps;
        var loss = Collector(layout, "loss", SeriesRole.TrainLoss, new ValueAveraging(AveragingKind.PerStep, null, "EpochLens telemetry records each batch's own loss"));
        var logged = Collector(layout, "logged_loss", SeriesRole.Other, loggedAveraging);
        var epoch = Collector(layout, "epoch", SeriesRole.Epoch);
        ColumnCollector[] collectors =
        [
            loss, logged, Collector(layout, "lr", SeriesRole.LearningRate), Collector(layout, "grad_norm", SeriesRole.GradNorm),
            Collector(layout, "update_norm", SeriesRole.UpdateNorm), Collector(layout, "optimizer_step", SeriesRole.OptimizerStep),
            Collector(layout, "batch_size", SeriesRole.BatchSize), epoch,
        ];
        bool loggedDiffers = false;
        int stepColumn = layout.Column("step");
        var problems = ReadRows(file, layout, _files.StepsKind == TelemetryFileKind.StepsCsv, (row, where, problems) =>
        {
            long step = row.Whole(stepColumn);
            foreach (var (column, collector) in collectors)
            {
                // A norm that was not measured is no point.
                if (row.Measured(column) || layout.Kinds[column] != ColumnKind.Optional)
                {
                    collector.Add(step, row.Value(column), double.NaN, problems, where);
                }
            }

            loggedDiffers |= !row.Value(logged.Column).Equals(row.Value(loss.Column));
            AddSamples(step, row.SampleIds);
        });

        // logged_loss only when it differs from loss somewhere (otherwise it is the same curve twice).
        MetricSeries? epochs = null;
        foreach (var (_, collector) in collectors)
        {
            if (collector.Count > 0 && (collector != logged.Series || loggedDiffers))
            {
                series.Add(collector.Build(problems));
                epochs = collector == epoch.Series ? series[^1] : epochs;
            }
        }

        return epochs;
    }

    /// <summary>Reads the epochs file into <paramref name="series"/>: each epoch's means at its last step.</summary>
    private void ReadEpochs(string file, List<MetricSeries> series)
    {
        var layout = TelemetryLayout.Epochs;
        ColumnCollector[] collectors =
        [
            Collector(layout, "heldout_loss", SeriesRole.HeldOutLoss), Collector(layout, "heldout_accuracy", SeriesRole.Other),
            Collector(layout, "train_loss", SeriesRole.Other, new ValueAveraging(AveragingKind.EpochMean, null, "epochs file: mean of the epoch's per-batch losses")),
        ];
        int lastStep = layout.Column("last_step");
        var problems = ReadRows(file, layout, _files.EpochsKind == TelemetryFileKind.EpochsCsv, (row, where, problems) =>
        {
            // The writer puts NaN in both held-out columns when the epoch was not evaluated: no point, not a NaN loss.
            bool evaluated = !(double.IsNaN(row.Value(collectors[0].Column)) && double.IsNaN(row.Value(collectors[1].Column)));
            foreach (var (column, collector) in evaluated ? collectors : collectors[2..])
            {
                collector.Add(row.Whole(lastStep), row.Value(column), double.NaN, problems, where);
            }
        });
        foreach (var (_, collector) in collectors)
        {
            if (collector.Count > 0)
            {
                series.Add(collector.Build(problems));
            }
        }
    }

    /// <summary>A series of a telemetry column, named as the column; telemetry has no wall time per step, so none are kept.</summary>
    private static ColumnCollector Collector(TelemetryLayout layout, string column, SeriesRole role, ValueAveraging? averaging = null) =>
        new(layout.Column(column), new SeriesCollector(column, false, role, averaging));

    private readonly record struct ColumnCollector(int Column, SeriesCollector Series);

    private delegate void RowHandler(TelemetryRow row, SourcePosition where, ProblemReporter problems);

    /// <summary>Reads the rows of a telemetry file; a bad row is reported and skipped. Returns the file's reporter.</summary>
    private ProblemReporter ReadRows(string file, TelemetryLayout layout, bool csv, RowHandler handle)
    {
        var problems = new ProblemReporter(file, _sink, _options.Strict);
        var row = new TelemetryRow(layout.Count);
        using var stream = LogFile.Open(file, _options);
        RecordLines.Read(stream, problems, (line, lines) =>
        {
            if (line.IsEmpty || IsHeader(line))
            {
                return;
            }

            var where = lines.Position;
            var error = csv ? TelemetryRowParser.ParseCsv(layout, line, row) : TelemetryRowParser.ParseJson(layout, line, row);
            if (error is null)
            {
                handle(row, where, problems);
            }
            else
            {
                problems.Report(where.ToString(), csv && error.Contains("fields", StringComparison.Ordinal) ? ProblemKind.RaggedRow : ProblemKind.Malformed, $"{error}: line skipped");
            }
        });
        return problems;
    }

    /// <summary>Sample ids follow the same rule as the series: a step that goes back supersedes what came after it.</summary>
    private void AddSamples(long step, int[] ids)
    {
        int count = _sampleSteps.Count;
        if (count > 0 && step <= _sampleSteps[count - 1])
        {
            int keep = _sampleSteps.BinarySearch(step);
            keep = keep < 0 ? ~keep : keep;
            _sampleSteps.RemoveRange(keep, count - keep);
            _sampleIds.RemoveRange(keep, count - keep);
        }

        _sampleSteps.Add(step);
        _sampleIds.Add(ids);
    }
}
