namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// An OpenMMLab text log as one training log. Formats followed: mmengine mmengine/runner/log_processor.py
/// ("Epoch(train)  [1][  50/7330]  lr: 2.0000e-02  eta: ...  loss: 1.2345", "Iter(train) [  50/90000]  ...",
/// "Epoch(val) [1][500/500]  coco/bbox_mAP: 0.3700  ...") with the MMLogger prefix "2023/05/01 12:00:00 - mmengine -
/// INFO - "; mmcv 1.x mmcv/runner/hooks/logger/text.py
/// ("Epoch [1][50/7330]\tlr: 2.000e-02, eta: 1 day, 2:03:04, time: 0.457, ..., loss: 1.2345",
/// "Epoch(val) [1][500]\tbbox_mAP: 0.3700, ...") with the logging prefix "2021-01-01 00:00:00,000 - mmdet - INFO - ".
/// </summary>
internal sealed class MmLogParser(ConsoleLogParser.Context context) : ConsoleLogParser(context)
{
    private const string MmengineEvidence =
        "mmengine's LogProcessor logs the mean of the last window_size iterations for loss and grad_norm keys; the window is taken as the logging interval seen in the 'i' counter (OpenMMLab configs set window_size = interval = 50)";

    private const string MmcvEvidence = "mmcv's LoggerHook logs the mean over each logging interval (log_buffer.average(interval)); the interval is read from the 'i' counter";

    // How a message opens: mmengine's "Epoch(train) [e][i/N]", mmcv's "Epoch [e][i/N]", by epoch or by iteration.
    private static readonly Opening[] Openings =
    [
        new("Epoch(train)", false, false, true), new("Epoch [", true, false, true),
        new("Iter(train)", false, false, false), new("Iter [", true, false, false),
        new("Epoch(val)", false, true, true), new("Iter(val)", false, true, false),
    ];

    private readonly SeriesSet _series = new(context);
    private readonly Dictionary<long, int> _intervals = [];
    private readonly SortedSet<long> _epochStarts = [];
    private long? _stepsPerEpoch;
    private long _lastTrainStep;
    private long _lastEpoch;
    private long _lastPosition;
    private bool _mmcv;
    private bool _mmengine;

    /// <summary>How a message opens, and the text after it (mmcv's bracket kept).</summary>
    internal static bool TryOpening(ReadOnlySpan<char> message, out Opening opening, out ReadOnlySpan<char> rest)
    {
        foreach (var o in Openings)
        {
            if (!message.StartsWith(o.Text)) continue;
            opening = o;
            rest = message[(o.Text.Length - (o.Mmcv ? 1 : 0))..];
            return true;
        }

        opening = default;
        rest = default;
        return false;
    }

    /// <summary>A series' role by its name, as every OpenMMLab log names them (the learning rate aside).</summary>
    internal static SeriesRole RoleOf(SeriesEntry entry) => entry.Builder.Name switch
    {
        "epoch" => SeriesRole.Epoch,
        "val/loss" when entry.IsValidation => SeriesRole.HeldOutLoss,
        _ when entry.IsValidation => SeriesRole.Other,
        "loss" => SeriesRole.TrainLoss,
        "grad_norm" => SeriesRole.GradNorm,
        _ => SeriesRole.Other,
    };

    /// <summary>A held-out loss must not land in the training loss series of the same name: "loss" of a validation line is "val/loss".</summary>
    internal static ReadOnlySpan<char> SeriesName(ReadOnlySpan<char> key, bool validation) =>
        validation && key.Contains("loss", StringComparison.Ordinal) && !key.StartsWith("val") ? $"val/{key}".AsSpan() : key;

    /// <summary>The logging interval seen most often: the window the logged means are taken over.</summary>
    internal static long? Window(Dictionary<long, int> intervals)
    {
        long window = intervals.Count == 0 ? 0 : intervals.MaxBy(p => p.Value).Key;
        return window > 0 && window <= int.MaxValue ? window : null;
    }

    public override void Parse(ReadOnlySpan<char> segment)
    {
        var message = segment.TrimStart(" \t");
        double wallTime = double.NaN;
        bool prefixed = message.Length > 0 && char.IsAsciiDigit(message[0]);
        if (prefixed && !MmLogPrefix.TrySplit(message, out wallTime, out message)) return;
        if (!TryOpening(message.TrimStart(" \t"), out var opening, out var rest)) return;
        if (opening.Validation) ParseValidation(rest, opening.ByEpoch, wallTime);
        else ParseTrain(rest, opening, wallTime);
    }

    public override IReadOnlyList<TrainingLog> Finish()
    {
        long? window = Window(_intervals);
        var series = _series.Build(e => Describe(e, window), Name);
        var origin = _mmengine ? "mmengine 'Epoch(train) [e][i/N]' lines" : "mmcv 'Epoch [e][i/N]' lines";
        EpochHint? hint = _stepsPerEpoch is { } n ? new EpochHint(n, [.. _epochStarts], origin) : null;
        return series.Count == 0 ? [] : [new TrainingLog(Name, MmEngineReader.Default.Format, series, hint)];
    }

    public override string NothingRead(string? metric) => metric is null
        ? "no OpenMMLab training lines found (expected 'Epoch(train) [e][i/N] ... loss: x' or 'Epoch [e][i/N] ... loss: x' lines)"
        : $"no OpenMMLab log line shows the metric '{metric}'";

    private (SeriesRole, ValueAveraging?) Describe(SeriesEntry entry, long? window)
    {
        var name = entry.Builder.Name;
        var role = RoleOf(entry);
        if (role == SeriesRole.Epoch || entry.IsValidation) return (role, null);
        if (name == "lr" || name.EndsWith("_lr", StringComparison.Ordinal) || name.StartsWith("lr_", StringComparison.Ordinal))
            return (name == "base_lr" ? SeriesRole.Other : SeriesRole.LearningRate, ValueAveraging.PerStep);

        // mmengine smooths only keys matching its mean_pattern '.*(loss|time|data_time|grad_norm).*'; mmcv every key.
        bool smoothed = _mmcv || name.Contains("loss", StringComparison.Ordinal) || name.Contains("grad_norm", StringComparison.Ordinal);
        if (!smoothed) return (role, ValueAveraging.PerStep);
        return window is { } w
            ? (role, new ValueAveraging(AveragingKind.MovingWindow, (int)w, _mmcv ? MmcvEvidence : MmengineEvidence))
            : (role, null);
    }

    /// <summary>"[e][i/N]  key: value ..." (by epoch) or "[i/M]  key: value ..." (by iteration).</summary>
    private void ParseTrain(ReadOnlySpan<char> rest, Opening opening, double wallTime)
    {
        _mmcv |= opening.Mmcv;
        _mmengine |= !opening.Mmcv;
        bool byEpoch = opening.ByEpoch;

        // A header whose step, (e - 1) * N + i, would not fit in 64 bits is damage too.
        long epoch = 0;
        if ((byEpoch && !MmLogPrefix.TryBracket(ref rest, out epoch, out _))
            || !MmLogPrefix.TryBracket(ref rest, out long position, out long? total) || total is not { } length
            || position < 1 || position > length || epoch > int.MaxValue / 2
            || !StepText.TryEpochStep(byEpoch ? epoch : 1, length, position, out long step))
        {
            var expected = byEpoch ? "[epoch][i/N]" : "[i/N]";
            Report(ProblemKind.Malformed, $"training line header is not '{expected}': line skipped");
            return;
        }

        if (epoch == _lastEpoch && position > _lastPosition)
        {
            long gap = position - _lastPosition;
            _intervals[gap] = _intervals.GetValueOrDefault(gap) + 1;
        }

        _lastEpoch = epoch;
        _lastPosition = position;
        if (byEpoch)
        {
            _stepsPerEpoch ??= length;
            _epochStarts.Add(step - position + 1);
        }

        if (!Record(rest, step, wallTime, validation: false)) return;
        _lastTrainStep = step;
        if (byEpoch) _series.Get("epoch")?.Builder.Add(step, epoch, wallTime);
    }

    /// <summary>mmengine "[e][N/N]  metrics" / "[N/N]  metrics"; mmcv "[e][N]  metrics" / "[N]  metrics".</summary>
    private void ParseValidation(ReadOnlySpan<char> rest, bool byEpoch, double wallTime)
    {
        long epoch = 0;
        if (byEpoch && !MmLogPrefix.TryBracket(ref rest, out epoch, out _))
        {
            Report(ProblemKind.Malformed, "validation line header is not '[epoch][i/N]': line skipped");
            return;
        }

        if (!MmLogPrefix.TryBracket(ref rest, out long position, out long? total))
        {
            Report(ProblemKind.Malformed, "validation line header cannot be read: line skipped");
            return;
        }

        // Progress inside the validation loop; its results come with the last line.
        if (total is { } n && position != n) return;
        long step = byEpoch && _stepsPerEpoch is { } length
            && StepText.TryEpochStep(epoch, length, length, out long end) ? end : _lastTrainStep;
        Record(rest, step, wallTime, validation: true);
    }

    /// <summary>Records the "key: value" pairs (two-space or comma separated); true when any point was added.</summary>
    private bool Record(ReadOnlySpan<char> rest, long step, double wallTime, bool validation)
    {
        ReadOnlySpan<char> key = default;
        int valueStart = -1, valueEnd = -1;

        foreach (var range in rest.SplitAny(ReadOnlySpan<char>.Empty))
        {
            var token = rest[range];
            if (token.IsEmpty) continue;
            if (token.Length > 1 && token[^1] == ':' && ConsoleText.IsMetricName(token[..^1]))
            {
                Flush(rest, key, valueStart, valueEnd);
                key = token[..^1];
                valueStart = valueEnd = -1;
            }
            else if (key.IsEmpty)
            {
                Report(ProblemKind.Malformed, $"unrecognised text {ProblemReporter.Quote(token)} skipped");
            }
            else
            {
                valueStart = valueStart < 0 ? range.Start.Value : valueStart;
                valueEnd = range.End.Value;
            }
        }

        Flush(rest, key, valueStart, valueEnd);
        return _series.EndLine(step, epochShownAgain: null);

        void Flush(ReadOnlySpan<char> text, ReadOnlySpan<char> name, int from, int to)
        {
            if (name is "" or "eta" or "time" or "data_time" or "memory" or "iter" or "epoch" or "step") return;

            var seriesName = SeriesName(name, validation);
            if (!_series.Wants(seriesName)) return;
            var value = from < 0 ? default : text[from..to].TrimEnd(',');

            // Validation lines also carry text (mmdet's "bbox_mAP_copypaste: 0.370 0.580 ..."); losses must be numbers.
            if (TextNumber.TryParseDouble(value, out double number))
                _series.Add(seriesName, step, number, wallTime, validation, countRepeat: !validation);
            else if (!validation || name.Contains("loss", StringComparison.Ordinal))
                Report(ProblemKind.BadValue, $"'{name}' is not a number: {ProblemReporter.Quote(value)} skipped");
        }
    }

    /// <summary>How a message opens ("Epoch(train)", mmcv's "Epoch ["), and what lines opening so are.</summary>
    internal readonly record struct Opening(string Text, bool Mmcv, bool Validation, bool ByEpoch);
}
