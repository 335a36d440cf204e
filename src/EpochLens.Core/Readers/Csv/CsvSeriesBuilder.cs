using EpochLens.Logs;

namespace EpochLens.Readers.Csv;

/// <summary>
/// A series being read from a CSV, with <see cref="MetricSeriesBuilder"/>'s rules (a repeated step replaces,
/// a step that goes back supersedes the points from there on). Until <see cref="Reserve"/> it is a
/// <see cref="MetricSeriesBuilder"/>; once the reader knows how many lines are left it holds one array per
/// column of that size, which <see cref="Build"/> hands over without a copy when every line gave a point:
/// the chunks-then-final-arrays copy held every point twice at its peak.
/// </summary>
internal sealed class CsvSeriesBuilder
{
    private readonly MetricSeriesBuilder _chunks;
    private readonly bool _keepWallTimes;
    private long[]? _steps;
    private double[] _values = [];
    private double[]? _walls;
    private int _count;
    private int _lastRemoved;

    public CsvSeriesBuilder(string name, bool keepWallTimes)
    {
        _chunks = new MetricSeriesBuilder(name, keepWallTimes);
        _keepWallTimes = keepWallTimes;
    }

    public string Name => _chunks.Name;

    public int Count => _steps is null ? _chunks.Count : _count;

    /// <summary>Points dropped by the last <see cref="StepOrder.Restarted"/>.</summary>
    public int LastRemoved => _steps is null ? _chunks.LastRemoved : _lastRemoved;

    /// <summary>Moves the points so far into arrays with room for <paramref name="more"/> points after them.</summary>
    public void Reserve(int more)
    {
        if (_steps is not null)
        {
            return;
        }

        var sofar = _chunks.Build();
        int capacity = (int)Math.Min(Array.MaxLength, (long)sofar.Count + more);

        // Uninitialised: the pages are touched only as points arrive, so room never used costs no memory.
        _steps = GC.AllocateUninitializedArray<long>(capacity);
        _values = GC.AllocateUninitializedArray<double>(capacity);
        _walls = _keepWallTimes ? GC.AllocateUninitializedArray<double>(capacity) : null;
        sofar.Steps.CopyTo(_steps);
        sofar.Values.CopyTo(_values);
        if (_walls is not null)
        {
            sofar.WallTimes.CopyTo(_walls);
        }

        _count = sofar.Count;
    }

    /// <summary>Adds a point, as <see cref="MetricSeriesBuilder.Add"/> does.</summary>
    public StepOrder Add(long step, double value, double wallTime)
    {
        var steps = _steps;
        if (steps is null)
        {
            return _chunks.Add(step, value, wallTime);
        }

        int count = _count;
        var order = StepOrder.Appended;
        _lastRemoved = 0;
        if (count > 0 && step <= steps[count - 1])
        {
            if (step == steps[count - 1])
            {
                Set(count - 1, step, value, wallTime);
                return StepOrder.ReplacedDuplicate;
            }

            int keep = steps.AsSpan(0, count).BinarySearch(step);
            keep = keep < 0 ? ~keep : keep;
            _lastRemoved = count - keep;
            count = keep;
            order = StepOrder.Restarted;
        }

        if (count == steps.Length)
        {
            // More lines than counted (a log still being written): grow by a quarter.
            Grow(count + Math.Max(count / 4, 1024));
            steps = _steps!;
        }

        steps[count] = step;
        _values[count] = value;
        if (_walls is not null)
        {
            _walls[count] = wallTime;
        }

        _count = count + 1;
        return order;
    }

    /// <summary>
    /// Whether <see cref="AppendColumn"/> may take <paramref name="count"/> points starting at
    /// <paramref name="firstStep"/>: the room is reserved and the first step comes after the last one held,
    /// so no rule of <see cref="Add"/> would fire.
    /// </summary>
    public bool CanAppend(long firstStep, int count) =>
        _steps is not null && !_keepWallTimes && _steps.Length - _count >= count && (_count == 0 || firstStep > _steps[_count - 1]);

    /// <summary>
    /// Appends a batch of points whose steps rise strictly (checked by the caller with <see cref="CanAppend"/>):
    /// one copy of the steps and one strided gather of the values, instead of a rule check per point.
    /// </summary>
    /// <param name="slot">This series' slot in the rows' values.</param>
    public void AppendColumn(CsvParsedRows rows, int slot)
    {
        rows.Steps.AsSpan(0, rows.Count).CopyTo(_steps.AsSpan(_count));
        rows.CopyColumn(slot, rows.Count, _values.AsSpan(_count));
        _count += rows.Count;
        _lastRemoved = 0;
    }

    /// <summary>
    /// The reserved room from <paramref name="index"/> on, for another thread to fill with the points of a
    /// later part of the file while this builder takes the earlier points below that index (see <see cref="CsvSecondHalf"/>).
    /// </summary>
    public (long[] Steps, double[] Values) Room(int index, int length)
    {
        if (_steps is null || _keepWallTimes || index < _count || (long)index + length > _steps.Length)
        {
            throw new InvalidOperationException("no reserved room there");
        }

        return (_steps, _values);
    }

    /// <summary>Takes <paramref name="count"/> points written into the <see cref="Room"/> at <paramref name="from"/> as the next ones, moving them down to follow the points held.</summary>
    public void AdoptWritten(int from, int count)
    {
        if (_steps is null || from < _count || (long)from + count > _steps.Length)
        {
            throw new InvalidOperationException("no points written there");
        }

        if (from > _count)
        {
            // Lines of the first part that gave no point (blank cells, skipped rows) left a gap: close it.
            Array.Copy(_steps, from, _steps, _count, count);
            Array.Copy(_values, from, _values, _count, count);
        }

        _count += count;
        _lastRemoved = 0;
    }

    /// <summary>The step of the last point held, or null when empty.</summary>
    public long? LastStep => Count == 0 ? null : _steps is null ? _chunks.LastStep : _steps[_count - 1];

    /// <summary>The finished series; the builder lets its storage go.</summary>
    public MetricSeries Build(SeriesRole role = SeriesRole.Other, ValueAveraging? averaging = null)
    {
        if (_steps is null)
        {
            return _chunks.Build(role, averaging);
        }

        // Exact arrays as they are; otherwise trimmed one column at a time (rows without a point: blank cells, restarts).
        var steps = Exact(_steps);
        _steps = [];
        var values = Exact(_values);
        _values = [];
        var walls = _walls is null ? null : Exact(_walls);
        _walls = null;
        _count = 0;
        return new MetricSeries(Name, steps, values, walls, role, averaging);
    }

    private T[] Exact<T>(T[] all)
    {
        if (all.Length == _count)
        {
            return all;
        }

        var exact = GC.AllocateUninitializedArray<T>(_count);
        Array.Copy(all, exact, _count);
        return exact;
    }

    private void Set(int index, long step, double value, double wallTime)
    {
        _steps![index] = step;
        _values[index] = value;
        if (_walls is not null)
        {
            _walls[index] = wallTime;
        }
    }

    private void Grow(int capacity)
    {
        capacity = Math.Min(capacity, Array.MaxLength);
        Array.Resize(ref _steps, capacity);
        Array.Resize(ref _values, capacity);
        if (_walls is not null)
        {
            Array.Resize(ref _walls, capacity);
        }
    }
}
