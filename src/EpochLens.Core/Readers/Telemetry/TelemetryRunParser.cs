using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.JsonLines;
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
    private readonly List<SeriesCollector> _series = [];
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
            var problems = new ProblemReporter(_files.Steps, _sink, _options.Strict);
            var steps = new StepCollectors();
            ReadLines(_files.Steps, problems, (line, where) => AddStep(line, where, steps, problems));
            steps.Build(problems, loggedAveraging, series, out epochs);
        }

        if (_files.Epochs is not null)
        {
            var problems = new ProblemReporter(_files.Epochs, _sink, _options.Strict);
            var heldOutLoss = new SeriesCollector("heldout_loss", false, SeriesRole.HeldOutLoss);
            var heldOutAccuracy = new SeriesCollector("heldout_accuracy", false);
            var trainLoss = new SeriesCollector("train_loss", false, SeriesRole.Other,
                new ValueAveraging(AveragingKind.EpochMean, null, "epochs file: mean of the epoch's per-batch losses"));
            ReadLines(_files.Epochs, problems, (line, where) => AddEpoch(line, where, problems, heldOutLoss, heldOutAccuracy, trainLoss));
            foreach (var collector in new[] { heldOutLoss, heldOutAccuracy, trainLoss })
            {
                if (collector.Count > 0)
                {
                    series.Add(collector.Build(problems));
                }
            }
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

    private delegate void LineHandler(ReadOnlySpan<byte> line, SourcePosition where);

    /// <summary>Streams the lines of a telemetry file; damage common to both formats is reported here.</summary>
    private void ReadLines(string file, ProblemReporter problems, LineHandler handle)
    {
        using var stream = LogFile.Open(file, _options);
        var lines = new LineScanner(stream);
        while (lines.TryReadLine(out var line))
        {
            if (lines.TooLong)
            {
                problems.Report(lines.Position.ToString(), ProblemKind.Malformed, $"line longer than {lines.MaxLineBytes} bytes: skipped");
            }
            else if (lines.Unterminated)
            {
                // The writer ends every record with a newline: a last line without one was cut off.
                problems.Report(lines.Position.ToString(), ProblemKind.Truncated, "the last line is incomplete (a killed run?): skipped");
            }
            else if (!System.Text.Unicode.Utf8.IsValid(line))
            {
                problems.Report(lines.Position.ToString(), ProblemKind.Encoding, "bytes that are not valid UTF-8: line skipped");
            }
            else if (!line.IsEmpty && !IsHeader(line))
            {
                handle(line, lines.Position);
            }
        }

        if (lines.ReadError is not null)
        {
            problems.Report($"after line {lines.LineNumber}", ProblemKind.Truncated, lines.ReadError);
        }

        if (stream is SizeLimitedStream { LimitReached: true } bounded)
        {
            problems.Report($"after line {lines.LineNumber}", ProblemKind.LimitReached,
                bounded.LimitMessage);
        }
    }

    private static bool IsHeader(ReadOnlySpan<byte> line) => line[0] is (byte)'s' or (byte)'e' && (line.StartsWith("step,"u8) || line.StartsWith("epoch,"u8));

    private void AddStep(ReadOnlySpan<byte> line, SourcePosition where, StepCollectors steps, ProblemReporter problems)
    {
        var error = _files.StepsKind == TelemetryFileKind.StepsCsv
            ? TelemetryRowParser.ParseStepCsv(line, out var row)
            : ParseJson(line, out row);
        if (error is not null)
        {
            problems.Report(where.ToString(), _files.StepsKind == TelemetryFileKind.StepsCsv && error.Contains("fields", StringComparison.Ordinal) ? ProblemKind.RaggedRow : ProblemKind.Malformed,
                $"{error}: line skipped");
            return;
        }

        steps.Add(row, problems, where);
        AddSamples(row.Step, row.SampleIds);
    }

    private static string? ParseJson(ReadOnlySpan<byte> line, out StepRow row)
    {
        try
        {
            return TelemetryRowParser.ParseStepJson(line, out row);
        }
        catch (System.Text.Json.JsonException e)
        {
            row = default;
            return $"not valid JSON ({e.Message.Split(". ")[0]})";
        }
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

    private void AddEpoch(ReadOnlySpan<byte> line, SourcePosition where, ProblemReporter problems, SeriesCollector heldOutLoss, SeriesCollector heldOutAccuracy, SeriesCollector trainLoss)
    {
        string? error;
        EpochRow row;
        try
        {
            error = _files.EpochsKind == TelemetryFileKind.EpochsCsv ? TelemetryRowParser.ParseEpochCsv(line, out row) : TelemetryRowParser.ParseEpochJson(line, out row);
        }
        catch (System.Text.Json.JsonException e)
        {
            row = default;
            error = $"not valid JSON ({e.Message.Split(". ")[0]})";
        }

        if (error is not null)
        {
            problems.Report(where.ToString(), error.Contains("fields", StringComparison.Ordinal) ? ProblemKind.RaggedRow : ProblemKind.Malformed, $"{error}: line skipped");
            return;
        }

        // The writer puts NaN in both held-out columns when the epoch was not evaluated: no point, not a NaN loss.
        if (!(double.IsNaN(row.HeldOutLoss) && double.IsNaN(row.HeldOutAccuracy)))
        {
            heldOutLoss.Add(row.LastStep, row.HeldOutLoss, double.NaN, problems, where);
            heldOutAccuracy.Add(row.LastStep, row.HeldOutAccuracy, double.NaN, problems, where);
        }

        trainLoss.Add(row.LastStep, row.TrainLoss, double.NaN, problems, where);
    }
}
