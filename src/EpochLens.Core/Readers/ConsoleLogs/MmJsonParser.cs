namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// The JSON logs OpenMMLab writes beside its text logs, one object per line. mmcv 1.x (MMDetection 2.x)
/// <c>*.log.json</c>: <c>{"mode": "train", "epoch": 1, "iter": 50, "lr": ..., "loss": ...}</c> with the iteration counted
/// within the epoch, and <c>{"mode": "val", "epoch": 1, "iter": N, "bbox_mAP": ...}</c> whose iter is the epoch length;
/// MMEngine <c>vis_data/scalars.json</c>: <c>{"loss": ..., "epoch": 1, "iter": 50, "step": 50}</c> with global steps,
/// and validation lines that carry only their metrics and <c>"step"</c> (the epoch number). A generic JSON Lines reader
/// would take the within-epoch iter for a step, or the epoch number for one.
/// </summary>
internal sealed class MmJsonParser(ConsoleLogParser.Context context) : ConsoleLogParser(context)
{
    private const string MmcvEvidence = "mmcv's LoggerHook logs the mean over each logging interval (log_buffer.average(interval)); the interval is read from the 'iter' key";

    private readonly SeriesSet _series = new(context);
    private readonly List<(long Epoch, long Iter, List<(string Key, double Value)> Values, bool Validation)> _mmcv = [];
    private readonly SortedSet<long> _epochStarts = [];
    private readonly Dictionary<long, int> _intervals = [];
    private long _lastTrainStep = long.MinValue;
    private long _lastEpoch = long.MinValue;

    public static bool IsJsonLog(string path) => IsMmcvLog(path) || IsScalars(path);

    /// <summary>Whether a head is an OpenMMLab JSON log: mmcv's lines carry "mode", MMEngine's scalars.json "step".</summary>
    public static bool Recognises(string path, ReadOnlySpan<byte> head) =>
        IsJsonLog(path) && head.TrimStart(" \t\r\n"u8).StartsWith("{"u8)
        && head.IndexOf(IsMmcvLog(path) ? "\"mode\""u8 : "\"step\""u8) >= 0;

    public override void Parse(ReadOnlySpan<char> line)
    {
        line = line.Trim();
        if (line.IsEmpty) return;
        Dictionary<string, JsonElement>? fields;
        try
        {
            fields = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(line);
        }
        catch (JsonException)
        {
            Report(ProblemKind.Malformed, $"not a JSON object {ProblemReporter.Quote(line)}: line skipped");
            return;
        }

        if (fields is null) return;

        // MMEngine writes whole steps: anything else (a fraction, 20 digits, text) is damage, said so.
        if (fields.TryGetValue("mode", out var mode) && mode.ValueKind == JsonValueKind.String)
            ParseMmcv(fields, mode.GetString() == "val");
        else if (Whole(fields, "step") is { } s)
            ParseScalars(fields, s);
        else if (fields.TryGetValue("step", out var step))
            Report(ProblemKind.BadValue, $"the step {ProblemReporter.Quote(step.GetRawText())} is not a whole 64-bit number: line skipped");
    }

    public override IReadOnlyList<TrainingLog> Finish()
    {
        var hint = _mmcv.Count > 0 ? BuildMmcv() : ScalarsHint();
        long? window = MmLogParser.Window(_intervals);
        var series = _series.Build(e => Describe(e, window), Name);
        return series.Count == 0 ? [] : [new TrainingLog(Name, MmEngineReader.Default.Format, series, hint)];
    }

    public override string NothingRead(string? metric) => metric is null
        ? "no OpenMMLab JSON log lines found (expected mmcv '{\"mode\": \"train\", \"epoch\": e, \"iter\": i, ...}' or MMEngine scalars.json '{..., \"step\": s}' lines)"
        : $"no OpenMMLab JSON log line shows the metric '{metric}'";

    private static bool IsMmcvLog(string path) =>
        LogFile.Name(path).EndsWith(".log.json", StringComparison.OrdinalIgnoreCase);

    private static bool IsScalars(string path) =>
        LogFile.Name(path).Equals("scalars.json", StringComparison.OrdinalIgnoreCase);

    private static long? Whole(Dictionary<string, JsonElement> fields, string key) =>
        fields.TryGetValue(key, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out long n)
            ? n
            : null;

    private static IEnumerable<(string Key, double Value)> Numbers(Dictionary<string, JsonElement> fields) =>
        from field in fields
        where field.Key is not ("mode" or "epoch" or "iter" or "step" or "eta" or "time" or "data_time" or "memory")
            && field.Value.ValueKind == JsonValueKind.Number && field.Value.TryGetDouble(out _)
        select (field.Key, field.Value.GetDouble());

    private void ParseMmcv(Dictionary<string, JsonElement> fields, bool validation)
    {
        if (Whole(fields, "epoch") is not { } epoch || epoch < 1 || epoch > int.MaxValue / 2
            || Whole(fields, "iter") is not { } iter || iter < 0 || iter > 1L << 40)
        {
            Report(ProblemKind.Malformed, "an mmcv log line without a whole 'epoch' and 'iter': line skipped");
            return;
        }

        // Training lines of one epoch in a row are the logging interval apart.
        if (!validation && _mmcv is [.., { Validation: false } last] && last.Epoch == epoch && iter > last.Iter)
            _intervals[iter - last.Iter] = _intervals.GetValueOrDefault(iter - last.Iter) + 1;

        // The epoch length is known only at the end (from the validation lines): keep the lines until then.
        _mmcv.Add((epoch, iter, [.. Numbers(fields)], validation));
    }

    private EpochHint BuildMmcv()
    {
        long maxTrain = _mmcv.Where(l => !l.Validation).Select(l => l.Iter).DefaultIfEmpty(1).Max();
        long fromValidation = _mmcv.Where(l => l.Validation && l.Iter >= maxTrain).Select(l => l.Iter).DefaultIfEmpty(0).Max();
        long length = Math.Max(1, fromValidation > 0 ? fromValidation : maxTrain);
        if (fromValidation == 0)
        {
            Problems.Report("", ProblemKind.Assumed,
                $"no validation line gives the epoch length ('iter' of a 'val' line): taken as the largest training 'iter', {length}");
        }

        foreach (var (epoch, iter, values, validation) in _mmcv)
        {
            long position = validation ? length : iter;
            if (!StepText.TryEpochStep(epoch, length, position, out long step))
            {
                Problems.Report("", ProblemKind.Malformed,
                    $"epoch {epoch} of {length} iterations: its step would not fit in 64 bits: line skipped");
                continue;
            }

            _epochStarts.Add(step - position + 1);
            Add(values.Where(v => !validation || v.Key != "lr"), validation, step);
            if (!validation) _series.Get("epoch")?.Builder.Add(step, epoch);
        }

        return new EpochHint(length, [.. _epochStarts], "mmcv *.log.json 'epoch' and 'iter' keys");
    }

    /// <summary>scalars.json's epochs start where 'epoch' changes; the first may begin before the log.</summary>
    private EpochHint? ScalarsHint()
    {
        var lengths = _epochStarts.Zip(_epochStarts.Skip(1), (a, b) => b - a).Skip(1).Distinct().ToList();
        return _epochStarts.Count == 0 ? null : new EpochHint(
            lengths.Count == 1 ? lengths[0] : null, [.. _epochStarts], "MMEngine scalars.json 'epoch' and 'step' keys");
    }

    private void ParseScalars(Dictionary<string, JsonElement> fields, long step)
    {
        bool training = fields.ContainsKey("epoch") || fields.ContainsKey("iter");
        if (training && Whole(fields, "epoch") is { } epoch)
        {
            if (epoch != _lastEpoch) _epochStarts.Add(step);
            _lastEpoch = epoch;
            _series.Get("epoch")?.Builder.Add(step, epoch);
        }

        // A validation line's "step" is the epoch number: it belongs after that epoch's last training step.
        _lastTrainStep = training ? step : _lastTrainStep;
        Add(Numbers(fields), !training, training || _lastTrainStep == long.MinValue ? step : _lastTrainStep);
    }

    private void Add(IEnumerable<(string Key, double Value)> values, bool validation, long step)
    {
        foreach (var (key, value) in values)
        {
            var name = MmLogParser.SeriesName(key, validation);
            if (_series.Wants(name)) _series.Add(name, step, value, double.NaN, validation, countRepeat: false);
        }

        _series.EndLine(step, epochShownAgain: null);
    }

    private (SeriesRole, ValueAveraging?) Describe(SeriesEntry entry, long? window)
    {
        var role = entry.Builder.Name == "lr" && !entry.IsValidation ? SeriesRole.LearningRate : MmLogParser.RoleOf(entry);
        bool smoothed = _mmcv.Count > 0 && !entry.IsValidation && role is not (SeriesRole.Epoch or SeriesRole.LearningRate);
        return smoothed && window is { } w
            ? (role, new ValueAveraging(AveragingKind.MovingWindow, (int)w, MmcvEvidence))
            : (role, null);
    }
}
