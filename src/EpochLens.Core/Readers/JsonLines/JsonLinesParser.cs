using EpochLens.Readers.Records;

namespace EpochLens.Readers.JsonLines;

/// <summary>
/// Reads JSON records: a JSON Lines file's lines, or what another <see cref="RecordFeed"/> hands on. Each record is
/// parsed on its own (damage costs only itself), its numbers collected before any is added: the step key may come last.
/// </summary>
/// <param name="scaling">How a first pass found the step key made whole (<see cref="FractionalSteps"/>).</param>
/// <param name="wholeSteps">The format's steps are whole: one with a fraction is damage, not a way of counting.</param>
internal sealed class JsonLinesParser(string file, ReadOptions options, IProblemSink sink, StepScaling scaling, bool wholeSteps)
{
    /// <summary>In order of preference: a trainer's own step before a logger's counter (W&amp;B's _step).</summary>
    private static readonly string[] StepKeys =
    [
        "step", "global_step", "trainer/global_step", "train/global_step",
        "iteration", "iter", "_step", "training_iteration",
    ];

    private static readonly string[] EpochKeys = ["epoch", "trainer/epoch", "train/epoch"];

    /// <summary>W&amp;B's wall clock (Unix seconds) and its seconds since the run started.</summary>
    private const string WallTimeKey = "_timestamp";
    private const string RuntimeKey = "_runtime";

    private const int MaxDepth = 64;

    private readonly ProblemReporter _problems = new(file, sink, options.Strict);
    private readonly JsonKeys _keys = new(name => new JsonKey(name,
        options.EpochColumn is { } epoch ? name == epoch : EpochKeys.Contains(name),
        options.StepColumn is { } step ? name == step : StepKeys.Contains(name)));

    private readonly List<(JsonKey Info, double Value, StepReading Reading, long Step, int Decimals)> _values = [];
    private readonly int[] _prefixLengths = new int[MaxDepth + 1];

    private readonly FractionalSteps _fractions = new();
    private byte[] _quoted = new byte[1024];
    private bool _stepDecided;
    private JsonKey? _stepKey;
    private long _records;
    private bool _seriesLimitReported;

    /// <summary>The step key not read as steps when the row order is the step.</summary>
    private JsonKey? _ignoredStepKey;

    /// <summary>Reads a file, twice when its steps have fractions (<see cref="FractionalSteps"/>).</summary>
    /// <param name="feed">The file's lines unless told.</param>
    /// <param name="hint">What the epoch key's series says: <see cref="EpochHints.FromEpochSeries"/> unless told.</param>
    public static TrainingLog Read(
        string file, ReadOptions options, IProblemSink problems, string sourceName, string format,
        RecordFeed? feed = null, Func<MetricSeries?, EpochHint?>? hint = null, bool wholeSteps = false) =>
        FractionalSteps.Read(file, options, problems, (scaling, sink) =>
        {
            var parser = new JsonLinesParser(file, options, sink, scaling, wholeSteps);
            (feed ?? Lines(() => (LogFile.Open(file, options, out var bounded), bounded)))(parser._problems, parser);
            parser._fractions.Rows = parser._records;
            return ([parser.Finish(sourceName, format, hint)], parser._fractions);
        })[0];

    /// <summary>The records of a JSON Lines stream, opened with its decompression bound, if any.</summary>
    public static RecordFeed Lines(Func<(Stream Text, SizeLimitedStream? Bound)> open) => (problems, parser) =>
    {
        var (text, bound) = open();
        using var stream = text;
        var scanner = RecordLines.Read(stream, problems, (line, lines) => parser.ReadLine(line, lines.Position, lines.Unterminated),
            cutIsDamage: false, bounded: bound);
        if (scanner.LineNumber == 0) throw new LogReadException(problems.File, "the file is empty: no JSON lines to read");
    };

    private void ReadLine(ReadOnlySpan<byte> line, SourcePosition where, bool cut)
    {
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty) return;
        if (BareLiteralQuoter.MayNeedRewrite(line)) line = BareLiteralQuoter.Quote(line, ref _quoted);
        string? error;
        try
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
            error = !reader.Read() || reader.TokenType != JsonTokenType.StartObject ? "not a JSON object"
                : Parse(ref reader) ?? (reader.Read() ? "more than one JSON value" : null);
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({JsonHead.Reason(e)})";
        }

        Add(error, where, cut);
    }

    /// <summary>Adds the record <see cref="Parse"/> read, or reports <paramref name="error"/>.</summary>
    public void Add(string? error, SourcePosition where, bool cut)
    {
        if (error is null && _values.Count > 0) AddRecord(where);
        else if (error is not null && cut) _problems.Report(where.ToString(), ProblemKind.Truncated, RecordLines.CutLine);
        else if (error is not null) _problems.Report(where.ToString(), ProblemKind.Malformed, $"{error}: {where.Unit} skipped");
    }

    /// <summary>Collects the object's numbers by flattened key; returns why it is no record, or null.</summary>
    public string? Parse(ref Utf8JsonReader reader)
    {
        _values.Clear();
        int level = 0, prefix = 0, keyLength = 0, position = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    int nameLength = _keys.AppendName(ref reader, prefix);
                    if (nameLength < 0) return "a key holds an escape that is no text (a lone UTF-16 surrogate)";
                    keyLength = prefix + nameLength;
                    break;
                case JsonTokenType.StartObject:
                    _prefixLengths[level++] = prefix;
                    _keys.AppendSeparator(keyLength);
                    prefix = keyLength + 1;
                    break;
                case JsonTokenType.EndObject when level == 0:
                    return null;
                case JsonTokenType.EndObject:
                    prefix = _prefixLengths[--level];
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    break;
                case JsonTokenType.Number or JsonTokenType.String when JsonNumber.TryGet(ref reader, out double value):
                    // A step key's number is also read from its digits: as a double, steps past 2^53 merge.
                    var info = _keys.Lookup(position++, keyLength);
                    (long step, int decimals) = (0, 0);
                    var reading = info.MayBeStep
                        ? JsonNumber.ReadStep(ref reader, scaling.Decimals, out step, out decimals) : StepReading.NotANumber;
                    _values.Add((info, value, reading, step, decimals));
                    break;
            }
        }

        return "the object is not closed";
    }

    private void AddRecord(SourcePosition where)
    {
        long index = _records++;
        if (!_stepDecided) DecideStepKey();

        long step = index;
        double wallTime = double.NaN;
        bool hasStep = _stepKey is null;
        foreach (var (info, value, reading, exact, decimals) in _values)
        {
            if (info == _stepKey)
            {
                if (reading == StepReading.Fractional && scaling.IsNone && !wholeSteps)
                {
                    // Counted, not reported: once the file is read, FractionalSteps decides whether they are damage.
                    var text = value.ToString("R", CultureInfo.InvariantCulture);
                    _fractions.Add(info.Name, text, value, decimals, where.ToString());
                    return;
                }

                if (reading != StepReading.Whole)
                {
                    _problems.Report(where.ToString(), ProblemKind.BadValue,
                        $"step '{info.Name}' is {value}, {StepText.Describe(reading)}: {where.Unit} skipped");
                    return;
                }

                (step, hasStep) = (exact, true);
            }
            else if (info.Name == WallTimeKey) wallTime = value;
        }

        if (!hasStep)
        {
            _problems.Report(where.ToString(), ProblemKind.BadValue, $"no '{_stepKey!.Name}' step: {where.Unit} skipped");
            return;
        }

        foreach (var (info, value, _, _, _) in _values)
        {
            bool skip = info == _stepKey || info == _ignoredStepKey || info.Name is WallTimeKey or RuntimeKey;
            if (skip || !Wanted(info)) continue;

            (info.Series ?? NewSeries(info, where))?.Add(step, value, wallTime, _problems, where);
        }
    }

    /// <summary>The step column asked for, else the first record's first step key, else the record index.</summary>
    private void DecideStepKey()
    {
        _stepDecided = true;
        _stepKey = options.StepColumn is { } column ? _keys.Named(column)
            : StepKeys.Select(k => _values.Find(v => v.Info.Name == k).Info).FirstOrDefault(k => k is not null);
        if (scaling.RowOrder) (_ignoredStepKey, _stepKey) = (_stepKey, null);
    }

    private bool Wanted(JsonKey info) => options.Metric is null || info.Name == options.Metric || info.IsEpoch;

    private SeriesCollector? NewSeries(JsonKey info, SourcePosition where)
    {
        var role = info.IsEpoch ? SeriesRole.Epoch : SeriesRoles.FromName(info.Name);
        var series = _keys.NewSeries(info, options.KeepWallTimes, role);
        if (series is null && !_seriesLimitReported)
        {
            _seriesLimitReported = true;
            _problems.Report(where.ToString(), ProblemKind.LimitReached,
                $"more than {JsonKeys.MaxSeries} numeric keys: '{info.Name}' and later new keys are ignored");
        }

        return series;
    }

    private TrainingLog Finish(string sourceName, string format, Func<MetricSeries?, EpochHint?>? hint)
    {
        var series = new List<MetricSeries>();
        MetricSeries? epochs = null;
        foreach (var info in _keys.InOrder.Where(k => k.Series is not null))
        {
            var built = info.Series!.Build(_problems);
            if (info.IsEpoch) epochs ??= built;
            if (options.Metric is null || info.Name == options.Metric) series.Add(built);
        }

        if (options.Metric is { } metric && series.Count == 0)
            _problems.Report("", ProblemKind.Skipped, $"no numeric key '{metric}' in this file");

        hint ??= e => EpochHints.FromEpochSeries(e, $"'{e?.Name}' key of each line");
        return new TrainingLog(sourceName, format, series, hint(epochs));
    }
}
