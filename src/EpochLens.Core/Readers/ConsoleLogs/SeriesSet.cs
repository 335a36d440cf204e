namespace EpochLens.Readers.ConsoleLogs;

/// <summary>The series of one printed log by name, honouring <see cref="ReadOptions.Metric"/>.</summary>
internal sealed class SeriesSet(ConsoleLogParser.Context context)
{
    private readonly Dictionary<string, SeriesEntry> _byName = new(StringComparer.Ordinal);
    private readonly List<SeriesEntry> _order = [];

    // What the points of the printed line being read did, reported once for the line by EndLine.
    private bool _lineAdded;
    private bool _lineWentBack;
    private bool _lineRepeated;
    private int _lineRemoved;

    public bool HasPoints => _order.Exists(e => e.Builder.Count > 0);

    public bool Wants(ReadOnlySpan<char> name) => context.Options.Metric is null || name.SequenceEqual(context.Options.Metric);

    /// <summary>The entry for a series, created on first use; null when the options exclude it.</summary>
    public SeriesEntry? Get(ReadOnlySpan<char> name)
    {
        if (!Wants(name)) return null;
        if (_byName.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(name, out var entry)) return entry;
        var key = name.ToString();
        _byName[key] = entry = new SeriesEntry(key, context.Options.KeepWallTimes);
        _order.Add(entry);
        return entry;
    }

    /// <param name="countRepeat">Whether replacing a point at the same step is worth reporting (not for a redrawn
    /// bar or a validation result).</param>
    public SeriesEntry Add(ReadOnlySpan<char> name, long step, double value, double wallTime, bool validation, bool countRepeat)
    {
        var entry = Get(name)!;
        entry.IsValidation |= validation;
        _lineAdded = true;
        switch (entry.Builder.Add(step, value, wallTime))
        {
            case StepOrder.Restarted:
                _lineWentBack = true;
                _lineRemoved = Math.Max(_lineRemoved, entry.Builder.LastRemoved);
                break;
            case StepOrder.ReplacedDuplicate:
                _lineRepeated |= countRepeat;
                break;
        }

        return entry;
    }

    /// <summary>
    /// Ends a printed line: a step that went back (superseding later points), else one shown twice, is reported once
    /// for the line however many of its series did so. False when the line added no point. The epoch shown again is a
    /// Keras log's; null where a step going back is a resumed or restarted run.
    /// </summary>
    public bool EndLine(long step, int? epochShownAgain)
    {
        bool added = _lineAdded;
        if (_lineWentBack)
        {
            var why = epochShownAgain is { } epoch ? $"epoch {epoch} shown again" : "a resumed or restarted run";
            context.Problems.Report(context.Lines!.Location, ProblemKind.StepsWentBack,
                $"step {step} is before earlier steps ({why}): {_lineRemoved} later point(s) superseded");
        }
        else if (_lineRepeated)
        {
            context.Problems.Report(context.Lines!.Location, ProblemKind.DuplicateStep,
                $"step {step} {(epochShownAgain is null ? "logged" : "shown")} twice: the later values replace the earlier");
        }

        (_lineAdded, _lineWentBack, _lineRepeated, _lineRemoved) = (false, false, false, 0);
        return added;
    }

    /// <summary>Builds every series that has points, in the order first met, and empties the set for the next run.</summary>
    public List<MetricSeries> Build(Func<SeriesEntry, (SeriesRole Role, ValueAveraging? Averaging)> describe, string logName)
    {
        var series = new List<MetricSeries>(_order.Count);
        foreach (var entry in _order.Where(e => e.Builder.Count > 0))
        {
            var (role, averaging) = describe(entry);
            series.Add(Checked(entry.Builder.Build(role, averaging), context.Problems, logName));
        }

        _order.Clear();
        _byName.Clear();
        return series;
    }

    /// <summary>The series, its NaN and infinite values (kept) reported once: the printed-log readers' one message for them.</summary>
    public static MetricSeries Checked(MetricSeries built, ProblemReporter problems, string logName)
    {
        int nonFinite = built.NonFiniteCount;
        if (nonFinite > 0)
        {
            problems.Report("", ProblemKind.NonFinite,
                $"{logName}: series '{built.Name}' has {nonFinite} NaN or infinite value{(nonFinite == 1 ? "" : "s")} (kept)");
        }

        return built;
    }
}

/// <summary>One series being read, with what the reader learned about it on the way.</summary>
internal sealed class SeriesEntry(string name, bool keepWallTimes)
{
    public MetricSeriesBuilder Builder { get; } = new(name, keepWallTimes);

    /// <summary>A Keras value seen before the end of its epoch (so the series shows running means).</summary>
    public bool SawMidEpochValue { get; set; }

    public bool IsValidation { get; set; }
}
