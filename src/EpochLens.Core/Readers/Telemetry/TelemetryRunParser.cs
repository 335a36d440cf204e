using EpochLens.Readers.Records;
using EpochLens.Telemetry;
using static EpochLens.Logs.AveragingKind;
using static EpochLens.Logs.SeriesRole;

namespace EpochLens.Readers.Telemetry;

internal sealed class TelemetryRunParser(TelemetryFolder files, ReadOptions options, IProblemSink sink)
{
    /// <summary>run.json is a few hundred bytes; anything much larger is not one.</summary>
    private const long MaxRunDescriptionBytes = 1 << 20;

    private readonly List<(long Step, int[] Ids)> _samples = [];

    public TrainingLog Read(string sourceName, string format)
    {
        const string nothing = "an EpochLens telemetry folder without steps or epochs files: nothing to read";
        if (files.Steps is null && files.Epochs is null) throw new LogReadException(files.Folder, nothing);
        var run = ReadRunDescription();
        var series = new List<MetricSeries>();
        if (files.Steps is not null) ReadSteps(files.Steps, run, series);
        var epochs = series.Find(s => s.Role == Epoch);
        if (files.Epochs is not null) ReadEpochs(files.Epochs, series);
        if (options.Metric is { } metric) series.RemoveAll(s => s.Name != metric);
        var samples = _samples.Count > 0 && options.Metric is null
            ? new StepSamples([.. _samples.Select(s => s.Step)], [.. _samples.Select(s => s.Ids)]) : null;
        return new TrainingLog(sourceName, format, series, Hint(run, epochs), samples);
    }

    private EpochHint? Hint(RunDescription? run, MetricSeries? epochs)
    {
        var fromColumn = EpochHints.FromEpochSeries(epochs, $"epoch column of {Path.GetFileName(files.Steps)}");
        if (run is not { StepsPerEpoch: > 0 }) return fromColumn;
        const string origin = "run.json steps_per_epoch";
        return new EpochHint(run.StepsPerEpoch, fromColumn?.EpochStartSteps,
            fromColumn is null ? origin : $"{origin}; epoch starts from the {fromColumn.Origin}");
    }

    private RunDescription? ReadRunDescription()
    {
        if (files.Run is null) return null;
        var problems = new ProblemReporter(files.Run, sink, options.Strict);
        try
        {
            if (new FileInfo(files.Run).Length <= MaxRunDescriptionBytes) return RunDescription.Read(files.Run);
            var tooLarge = $"larger than {MaxRunDescriptionBytes} bytes: not a run description, ignored";
            problems.Report("", ProblemKind.Malformed, tooLarge);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException
            or NotSupportedException or ArgumentException or InvalidOperationException)
        {
            var unread = $"cannot be read as a run description ({e.Message}): epoch length not taken from it";
            problems.Report("", ProblemKind.Malformed, unread);
        }

        return null;
    }

    private void ReadSteps(string file, RunDescription? run, List<MetricSeries> series)
    {
        const string runningMean = CauseSwitchNames.LogRunningMean;
        var layout = TelemetryLayout.Steps;
        var loss = Collector(layout, "loss", TrainLoss,
            new ValueAveraging(PerStep, null, "EpochLens telemetry records each batch's own loss"));
        var logged = Collector(layout, "logged_loss", Other, run?.CauseSwitches.ContainsKey(runningMean) == true
            ? new ValueAveraging(RunningMeanSinceEpochStart, null, $"run.json cause_switches has {runningMean}")
            : null);
        ColumnCollector[] collectors =
        [
            loss, logged, Collector(layout, "lr", LearningRate), Collector(layout, "grad_norm", GradNorm),
            Collector(layout, "update_norm", UpdateNorm), Collector(layout, "optimizer_step", OptimizerStep),
            Collector(layout, "batch_size", BatchSize), Collector(layout, "epoch", Epoch),
        ];
        bool loggedDiffers = false;
        int step = layout.Column("step");
        var problems = ReadLines(file, layout, files.StepsAreCsv, (line, where, problems) =>
        {
            long at = line.Whole[step];
            Collect(collectors, at, line, problems, where);
            loggedDiffers |= !Nullable.Equals(line.Values[logged.Column], line.Values[loss.Column]);

            // Sample ids follow the series' rule: a step that goes back supersedes what came after it.
            while (_samples.Count > 0 && _samples[^1].Step >= at) _samples.RemoveAt(_samples.Count - 1);
            _samples.Add((at, line.SampleIds));
        });

        // logged_loss only when it differs from loss somewhere (otherwise it is the same curve twice).
        var kept = collectors.Where(c => c.Series.Count > 0 && (c.Column != logged.Column || loggedDiffers));
        series.AddRange(kept.Select(c => c.Series.Build(problems)));
    }

    /// <summary>Each epoch's means at its last step.</summary>
    private void ReadEpochs(string file, List<MetricSeries> series)
    {
        var layout = TelemetryLayout.Epochs;
        ColumnCollector[] collectors =
        [
            Collector(layout, "heldout_loss", HeldOutLoss), Collector(layout, "heldout_accuracy", Other),
            Collector(layout, "train_loss", Other,
                new ValueAveraging(EpochMean, null, "epochs file: mean of the epoch's per-batch losses")),
        ];
        int lastStep = layout.Column("last_step");
        var problems = ReadLines(file, layout, files.EpochsAreCsv, (line, where, problems) =>
        {
            // The writer puts NaN in both held-out columns when the epoch was not evaluated: no point, not a NaN loss.
            var (heldOutLoss, accuracy) = (line.Values[collectors[0].Column], line.Values[collectors[1].Column]);
            bool evaluated = !(heldOutLoss is double.NaN && accuracy is double.NaN);
            Collect(collectors.AsSpan(evaluated ? 0 : 2), line.Whole[lastStep], line, problems, where);
        });
        series.AddRange(collectors.Where(c => c.Series.Count > 0).Select(c => c.Series.Build(problems)));
    }

    /// <summary>A column's series, named as the column; telemetry has no wall times, so none are kept.</summary>
    private static ColumnCollector Collector(
        TelemetryLayout layout, string column, SeriesRole role, ValueAveraging? averaging = null) =>
        new(layout.Column(column), new SeriesCollector(column, false, role, averaging));

    private readonly record struct ColumnCollector(int Column, SeriesCollector Series);

    /// <summary>A norm not measured is no point.</summary>
    private static void Collect(
        ReadOnlySpan<ColumnCollector> into, long step, TelemetryLine line, ProblemReporter problems, SourcePosition at)
    {
        foreach (var (column, series) in into)
        {
            if (line.Values[column] is double value) series.Add(step, value, double.NaN, problems, at);
        }
    }

    /// <summary>A bad line is reported and skipped. Returns the reporter.</summary>
    private ProblemReporter ReadLines(
        string file, TelemetryLayout layout, bool csv, Action<TelemetryLine, SourcePosition, ProblemReporter> handle)
    {
        var problems = new ProblemReporter(file, sink, options.Strict);
        var parsed = new TelemetryLine(layout);
        using var stream = LogFile.Open(file, options, out var bounded);
        RecordLines.Read(stream, problems, (line, lines) =>
        {
            if (line.IsEmpty || line.StartsWith("step,"u8) || line.StartsWith("epoch,"u8)) return;
            var error = csv ? parsed.ParseCsv(line) : parsed.ParseJson(line);
            if (error is null)
            {
                handle(parsed, lines.Position, problems);
                return;
            }

            bool ragged = csv && error.Contains("fields", StringComparison.Ordinal);
            var kind = ragged ? ProblemKind.RaggedRow : ProblemKind.Malformed;
            problems.Report(lines.Position.ToString(), kind, $"{error}: line skipped");
        }, bounded: bounded);
        return problems;
    }
}
