namespace EpochLens.Readers.Series;

/// <summary>A series being read: NaN and repeated steps reported once, a step that goes back where it is.</summary>
internal sealed class SeriesCollector(
    string name, bool keepWallTimes, SeriesRole role = SeriesRole.Other, ValueAveraging? averaging = null)
{
    private readonly MetricSeriesBuilder _builder = new(name, keepWallTimes);
    private int _nonFinite;
    private string? _firstNonFinite;
    private int _duplicates;
    private double _lastValue = double.NaN;
    private string? _firstDuplicate;

    public string Name => _builder.Name;

    public int Count => _builder.Count;

    public void Add(long step, double value, double wallTime, ProblemReporter problems, SourcePosition where)
    {
        if (!double.IsFinite(value) && _nonFinite++ == 0) _firstNonFinite = where.ToString();
        switch (_builder.Add(step, value, wallTime))
        {
            // The same point written twice (an eval entry repeating the epoch) replaces nothing.
            case StepOrder.ReplacedDuplicate when !value.Equals(_lastValue):
                if (_duplicates++ == 0) _firstDuplicate = where.ToString();
                break;
            case StepOrder.Restarted:
                problems.Report(where.ToString(), ProblemKind.StepsWentBack,
                    $"'{Name}': step {step} follows a later step: read as a resumed run, {_builder.LastRemoved} older point(s) from step {step} on dropped");
                break;
        }

        _lastValue = value;
    }

    public MetricSeries Build(ProblemReporter problems)
    {
        if (_nonFinite > 0)
            problems.Report(_firstNonFinite!, ProblemKind.NonFinite, $"'{Name}': {_nonFinite} NaN or infinite value(s), first here; kept");

        if (_duplicates > 0)
            problems.Report(_firstDuplicate!, ProblemKind.DuplicateStep, $"'{Name}': {_duplicates} repeated step(s), first here; the later value replaced the earlier");

        return _builder.Build(role, averaging);
    }
}
