using System.Globalization;
using System.Text.Json;
using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.Json;
using EpochLens.Readers.Records;
using EpochLens.Readers.Series;

namespace EpochLens.Readers.JsonLines;

/// <summary>
/// Reads one JSON Lines file. Each line is parsed on its own (a damaged line costs only that line) and
/// its numbers are collected before any is added, because the step key may come last ({"loss": 1, "step": 5}).
/// Keys are decoded once (<see cref="JsonKeys"/>), so a file whose lines share their keys costs no allocation per line.
/// </summary>
internal sealed class JsonLinesParser
{
    /// <summary>Step keys in order of preference: a trainer's own step before a logger's counter (W&amp;B's _step).</summary>
    private static readonly string[] StepKeys = ["step", "global_step", "trainer/global_step", "train/global_step", "iteration", "iter", "_step", "training_iteration"];

    private static readonly string[] EpochKeys = ["epoch", "trainer/epoch", "train/epoch"];

    /// <summary>W&amp;B's wall clock (seconds since the Unix epoch) and its seconds since the run started.</summary>
    private const string WallTimeKey = "_timestamp";
    private const string RuntimeKey = "_runtime";

    private readonly string _file;
    private readonly ReadOptions _options;
    private readonly ProblemReporter _problems;
    private readonly JsonKeys _keys;
    private readonly List<(JsonKey Info, double Value, StepReading Reading, long Step, int Decimals)> _lineValues = [];
    private byte[] _quoted = new byte[1024];
    private readonly int[] _prefixLengths = new int[MaxDepth + 1];
    private bool _stepDecided;
    private JsonKey? _stepKey;
    private long _dataLines;
    private bool _seriesLimitReported;

    private const int MaxDepth = 64;

    private readonly Func<Stream>? _open;
    private readonly StepScaling _scaling;

    /// <summary>The step key not read as steps when the row order is the step (<see cref="StepScaling.RowOrder"/>).</summary>
    private JsonKey? _ignoredStepKey;

    /// <param name="open">Where the lines come from when not the file itself (a JSON document turned into lines).</param>
    /// <param name="scaling">How the step key is made whole once a first pass found fractions there (<see cref="FractionalSteps"/>).</param>
    public JsonLinesParser(string file, ReadOptions options, IProblemSink problems, Func<Stream>? open = null, StepScaling scaling = default)
    {
        _file = file;
        _options = options;
        _problems = new ProblemReporter(file, problems, options.Strict);
        _open = open;
        _scaling = scaling;
        _keys = new JsonKeys(name => new JsonKey(name, IsEpochKey(name), MayBeStep(name)));
    }

    /// <summary>The lines skipped for a step with a fraction, for <see cref="FractionalSteps"/> to decide on (after <see cref="Read"/>).</summary>
    public FractionalSteps Fractions { get; } = new();

    /// <summary>Reads a file, twice when its steps have fractions (<see cref="FractionalSteps"/>).</summary>
    public static TrainingLog Read(string file, ReadOptions options, IProblemSink problems, string sourceName, string format, Func<Stream>? open = null) =>
        FractionalSteps.Read(file, options, problems, (scaling, sink) =>
        {
            var parser = new JsonLinesParser(file, options, sink, open, scaling);
            return ([parser.Read(sourceName, format)], parser.Fractions);
        })[0];

    public TrainingLog Read(string sourceName, string format)
    {
        using (var stream = _open?.Invoke() ?? LogFile.Open(_file, _options))
        {
            if (RecordLines.Read(stream, _problems, ReadLine, cutIsDamage: false).LineNumber == 0)
            {
                throw new LogReadException(_file, "the file is empty: no JSON lines to read");
            }
        }

        Fractions.Rows = _dataLines;
        return Finish(sourceName, format);
    }

    private void ReadLine(ReadOnlySpan<byte> line, LineScanner lines)
    {
        line = line.Trim(" \t\r"u8);
        if (line.IsEmpty)
        {
            return;
        }

        if (BareLiteralQuoter.MayNeedRewrite(line))
        {
            line = BareLiteralQuoter.Quote(line, ref _quoted);
        }

        _lineValues.Clear();
        string? error;
        try
        {
            error = Parse(line);
        }
        catch (JsonException e)
        {
            error = $"not valid JSON ({JsonHead.Reason(e)})";
        }

        if (error is not null)
        {
            if (lines.Unterminated)
            {
                _problems.Report(lines.Position.ToString(), ProblemKind.Truncated, RecordLines.CutLine);
            }
            else
            {
                _problems.Report(lines.Position.ToString(), ProblemKind.Malformed, $"{error}: line skipped");
            }

            return;
        }

        if (_lineValues.Count > 0)
        {
            AddLine(lines.Position);
        }
    }

    /// <summary>Collects the line's numbers with their flattened keys; returns why the line is not an object, or null.</summary>
    private string? Parse(ReadOnlySpan<byte> line)
    {
        var reader = new Utf8JsonReader(line, new JsonReaderOptions { MaxDepth = MaxDepth });
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "not a JSON object";
        }

        int level = 0, prefix = 0, keyLength = 0, position = 0;
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    if (_keys.AppendName(ref reader, prefix) is not (>= 0 and var nameLength))
                    {
                        return "a key holds an escape that is no text (a lone UTF-16 surrogate)";
                    }

                    keyLength = prefix + nameLength;
                    break;
                case JsonTokenType.StartObject:
                    _prefixLengths[level++] = prefix;
                    _keys.AppendSeparator(keyLength);
                    prefix = keyLength + 1;
                    break;
                case JsonTokenType.EndObject:
                    if (level == 0)
                    {
                        return reader.Read() ? "more than one JSON value" : null;
                    }

                    prefix = _prefixLengths[--level];
                    break;
                case JsonTokenType.StartArray:
                    reader.Skip();
                    break;
                case JsonTokenType.Number or JsonTokenType.String:
                    if (JsonNumber.TryGet(ref reader, out double value))
                    {
                        var info = _keys.Lookup(position++, keyLength, out _);

                        // A step key's number is also read from its digits: as a double, steps past 2^53 merge.
                        var reading = StepReading.NotANumber;
                        long step = 0;
                        int decimals = 0;
                        if (info.MayBeStep)
                        {
                            reading = JsonNumber.ReadStep(ref reader, _scaling.Decimals, out step, out decimals);
                        }

                        _lineValues.Add((info, value, reading, step, decimals));
                    }

                    break;
            }
        }

        return "the object is not closed";
    }

    private bool MayBeStep(string name) =>
        _options.StepColumn is { } step ? name == step : Array.IndexOf(StepKeys, name) >= 0;

    private bool IsEpochKey(string name) =>
        _options.EpochColumn is { } epoch ? name == epoch : Array.IndexOf(EpochKeys, name) >= 0;

    private void AddLine(SourcePosition where)
    {
        long index = _dataLines++;
        if (!_stepDecided)
        {
            DecideStepKey();
        }

        long step = index;
        double wallTime = double.NaN;
        bool hasStep = _stepKey is null;
        foreach (var (info, value, reading, exact, decimals) in _lineValues)
        {
            if (info == _stepKey)
            {
                if (reading == StepReading.Fractional && _scaling.IsNone)
                {
                    // Counted, not reported: once the file is read, FractionalSteps decides whether they are damage.
                    Fractions.Add(info.Name, value.ToString("R", CultureInfo.InvariantCulture), value, decimals, where.ToString());
                    return;
                }

                if (reading != StepReading.Whole)
                {
                    _problems.Report(where.ToString(), ProblemKind.BadValue, $"step '{info.Name}' is {value}, {StepText.Describe(reading)}: line skipped");
                    return;
                }

                step = exact;

                hasStep = true;
            }
            else if (info.Name == WallTimeKey)
            {
                wallTime = value;
            }
        }

        if (!hasStep)
        {
            _problems.Report(where.ToString(), ProblemKind.BadValue, $"no '{_stepKey!.Name}' step: line skipped");
            return;
        }

        foreach (var (info, value, _, _, _) in _lineValues)
        {
            if (info == _stepKey || info == _ignoredStepKey || info.Name is WallTimeKey or RuntimeKey || !Wanted(info))
            {
                continue;
            }

            var series = info.Series ?? NewSeries(info, where);
            series?.Add(step, value, wallTime, _problems, where);
        }
    }

    /// <summary>The step key is fixed by the first line with numbers: the step column asked for, else the first known step key there, else the line index.</summary>
    private void DecideStepKey()
    {
        FindStepKey();
        if (_scaling.RowOrder)
        {
            // A key of fractions no scale makes whole: the line index is the step, and the key no series.
            _ignoredStepKey = _stepKey;
            _stepKey = null;
        }
    }

    private void FindStepKey()
    {
        _stepDecided = true;
        if (_options.StepColumn is { } column)
        {
            _stepKey = _keys.Named(column);
            return;
        }

        foreach (var candidate in StepKeys)
        {
            foreach (var (info, _, _, _, _) in _lineValues)
            {
                if (info.Name == candidate)
                {
                    _stepKey = info;
                    return;
                }
            }
        }
    }

    private bool Wanted(JsonKey info) => _options.Metric is null || info.Name == _options.Metric || info.IsEpoch;

    private SeriesCollector? NewSeries(JsonKey info, SourcePosition where)
    {
        var series = _keys.NewSeries(info, _options.KeepWallTimes, info.IsEpoch ? SeriesRole.Epoch : SeriesRoles.FromName(info.Name));
        if (series is null && !_seriesLimitReported)
        {
            _seriesLimitReported = true;
            _problems.Report(where.ToString(), ProblemKind.LimitReached, $"more than {JsonKeys.MaxSeries} numeric keys: '{info.Name}' and later new keys are ignored");
        }

        return series;
    }

    private TrainingLog Finish(string sourceName, string format)
    {
        var series = new List<MetricSeries>();
        MetricSeries? epochs = null;
        foreach (var info in _keys.InOrder)
        {
            if (info.Series is null)
            {
                continue;
            }

            var built = info.Series.Build(_problems);
            if (info.IsEpoch && epochs is null)
            {
                epochs = built;
            }

            if (_options.Metric is null || info.Name == _options.Metric)
            {
                series.Add(built);
            }
        }

        if (_options.Metric is { } metric && series.Count == 0)
        {
            _problems.Report("", ProblemKind.Skipped, $"no numeric key '{metric}' in this file");
        }

        var hint = EpochHints.FromEpochSeries(epochs, $"'{epochs?.Name}' key of each line");
        return new TrainingLog(sourceName, format, series, hint);
    }
}
