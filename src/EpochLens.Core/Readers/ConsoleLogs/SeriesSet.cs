using EpochLens.Logs;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>The series of one log by name, honouring <see cref="ReadOptions.Metric"/>.</summary>
internal sealed class SeriesSet
{
    private readonly Dictionary<string, SeriesEntry> _byName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, SeriesEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly List<SeriesEntry> _order = [];
    private readonly bool _keepWallTimes;
    private readonly string? _metric;

    public SeriesSet(ReadOptions options)
    {
        _keepWallTimes = options.KeepWallTimes;
        _metric = options.Metric;
        _lookup = _byName.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public bool HasPoints => _order.Exists(e => e.Builder.Count > 0);

    /// <summary>Whether this series is read at all.</summary>
    public bool Wants(ReadOnlySpan<char> name) => _metric is null || name.SequenceEqual(_metric);

    /// <summary>The entry for a series, created on first use; null when the options exclude it.</summary>
    public SeriesEntry? Get(ReadOnlySpan<char> name)
    {
        if (!Wants(name))
        {
            return null;
        }

        if (!_lookup.TryGetValue(name, out var entry))
        {
            var key = name.ToString();
            entry = new SeriesEntry(key, _keepWallTimes);
            _byName[key] = entry;
            _order.Add(entry);
        }

        return entry;
    }

    /// <summary>
    /// Builds every series that has points, in the order first met, and reports non-finite values once per series.
    /// </summary>
    public List<MetricSeries> Build(Func<SeriesEntry, (SeriesRole Role, ValueAveraging? Averaging)> describe, ProblemReporter problems, string logName)
    {
        var series = new List<MetricSeries>(_order.Count);
        foreach (var entry in _order)
        {
            if (entry.Builder.Count == 0)
            {
                continue;
            }

            var (role, averaging) = describe(entry);
            series.Add(Checked(entry.Builder.Build(role, averaging), problems, logName));
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
