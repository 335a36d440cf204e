namespace EpochLens.Logs;

/// <summary>
/// Collects the points of one series while a log is read. Storage grows in fixed chunks, so building
/// never holds more than the points once in chunks and once in the final arrays (16 bytes a point each,
/// 24 with wall times); <see cref="Build"/> copies one column at a time and lets chunks go as it copies.
/// A reader that knows how many points are coming <see cref="Reserve"/>s them as one first chunk, which
/// <see cref="Build"/> hands over without a copy when it is filled exactly.
/// </summary>
public sealed class MetricSeriesBuilder
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private const int ChunkMask = ChunkSize - 1;

    // The first chunk starts small and doubles up to a full chunk: a log with thousands of short series
    // (a JSON file with many keys) must not cost a megabyte per series.
    private const int FirstChunkInitialSize = 256;

    private readonly List<long[]> _stepChunks = [];
    private readonly List<double[]> _valueChunks = [];
    private readonly List<double[]>? _wallChunks;
    private readonly PointBudget? _budget;
    private int _count;

    // The points chunk 0 holds: a full chunk, or the room reserved; later chunks hold ChunkSize each.
    private int _firstSpan = ChunkSize;

    // The chunk the last point is in, so that appending (nearly every call) costs a compare and three stores.
    private long[]? _tailSteps;
    private double[]? _tailValues;
    private double[]? _tailWalls;
    private int _tailStart;
    private long _lastStep;

    /// <param name="name">The series name.</param>
    /// <param name="keepWallTimes">Keep a wall time per point.</param>
    public MetricSeriesBuilder(string name, bool keepWallTimes = false)
    {
        Name = name;
        _wallChunks = keepWallTimes ? [] : null;
        _budget = PointBudget.Current;
    }

    public string Name { get; }

    public int Count => _count;

    /// <summary>The last step added, or null before the first point.</summary>
    public long? LastStep => _count == 0 ? null : StepAt(_count - 1);

    /// <summary>Points dropped by the last <see cref="StepOrder.Restarted"/>.</summary>
    public int LastRemoved { get; private set; }

    /// <summary>
    /// Gives an empty builder room for <paramref name="points"/> points in one piece (taken from the read's budget), so
    /// that a series of exactly that many needs no copy when built; false, and nothing reserved, when the budget refuses.
    /// </summary>
    public bool Reserve(int points)
    {
        if (_count > 0 || _stepChunks.Count > 0 || points <= ChunkSize) return points <= ChunkSize;

        if (!TakeCapacity(points)) return false;

        // Uninitialised: pages are touched only as points arrive, so room never used is never resident.
        _firstSpan = points;
        _stepChunks.Add(GC.AllocateUninitializedArray<long>(points));
        _valueChunks.Add(GC.AllocateUninitializedArray<double>(points));
        _wallChunks?.Add(GC.AllocateUninitializedArray<double>(points));
        return true;
    }

    /// <summary>
    /// The room <see cref="Reserve"/> gave (null when none), for a reader that parses rows into it at their own
    /// indices from another thread, past any point added so far, and then adds them from there in order.
    /// </summary>
    internal (long[] Steps, double[] Values, double[]? Walls)? ReservedRoom =>
        _stepChunks.Count == 1 && _firstSpan == _stepChunks[0].Length && _firstSpan > ChunkSize
            ? (_stepChunks[0], _valueChunks[0], _wallChunks?[0]) : null;

    /// <summary>Adds a point; steps that repeat or go back are resolved as <see cref="StepOrder"/> describes.</summary>
    public StepOrder Add(long step, double value, double wallTime = double.NaN)
    {
        int within = _count - _tailStart;
        if (within > 0 && within < _tailSteps!.Length && step > _lastStep)
        {
            _tailSteps![within] = step;
            _tailValues![within] = value;
            if (_tailWalls is not null) _tailWalls[within] = wallTime;

            _count++;
            _lastStep = step;
            LastRemoved = 0;
            return StepOrder.Appended;
        }

        var order = AddInNewChunkOrOutOfOrder(step, value, wallTime);
        if (order == StepOrder.Dropped) return order;

        int last = Locate(_count - 1).Chunk;
        _tailStart = ChunkStart(last);
        _tailSteps = _stepChunks[last];
        _tailValues = _valueChunks[last];
        _tailWalls = _wallChunks?[last];
        _lastStep = step;
        return order;
    }

    private StepOrder AddInNewChunkOrOutOfOrder(long step, double value, double wallTime)
    {
        var result = StepOrder.Appended;
        LastRemoved = 0;
        if (_count > 0)
        {
            long last = StepAt(_count - 1);
            if (step == last)
            {
                Set(_count - 1, step, value, wallTime);
                return StepOrder.ReplacedDuplicate;
            }

            if (step < last)
            {
                int keep = FirstIndexAtOrAfter(step);
                LastRemoved = _count - keep;
                Truncate(keep);
                result = StepOrder.Restarted;
            }
        }

        if (_count == ChunkStart(_stepChunks.Count))
        {
            int size = _stepChunks.Count == 0 ? FirstChunkInitialSize : ChunkSize;
            if (!TakeCapacity(size)) return StepOrder.Dropped;

            _stepChunks.Add(new long[size]);
            _valueChunks.Add(new double[size]);
            _wallChunks?.Add(new double[size]);
        }
        else if (_count - ChunkStart(_stepChunks.Count - 1) >= _stepChunks[^1].Length)
        {
            if (!TakeCapacity(Math.Min(ChunkSize, _stepChunks[^1].Length * 2) - _stepChunks[^1].Length))
                return StepOrder.Dropped;

            GrowLastChunk();
        }

        Set(_count, step, value, wallTime);
        _count++;
        return result;
    }

    /// <summary>
    /// Drops the points at <paramref name="step"/> and after, and returns how many: a restart that says
    /// where it resumes (TensorBoard's SessionLog START) supersedes them before any new point arrives.
    /// </summary>
    public int DiscardFrom(long step)
    {
        int keep = FirstIndexAtOrAfter(step);
        int removed = _count - keep;
        Truncate(keep);
        return removed;
    }

    /// <summary>The finished series; the builder's chunks are released.</summary>
    public MetricSeries Build(SeriesRole role = SeriesRole.Other, ValueAveraging? averaging = null)
    {
        // Reserved room filled exactly is the series as it is; otherwise one column at a time, letting each chunk
        // go once copied: the peak stays near 1.5 times the series instead of the 2 times of copying all at once.
        var series = _stepChunks.Count == 1 && _stepChunks[0].Length == _count && _count > 0
            ? new MetricSeries(Name, _stepChunks[0], _valueChunks[0], _wallChunks?[0], role, averaging)
            : new MetricSeries(Name, Copy(_stepChunks, release: true), Copy(_valueChunks, release: true),
                _wallChunks is null ? null : Copy(_wallChunks, release: true), role, averaging);

        // Only now: every column is gathered by the same chunk layout, a reserved first chunk's included.
        _stepChunks.Clear();
        _valueChunks.Clear();
        _wallChunks?.Clear();
        _firstSpan = ChunkSize;
        _count = 0;
        _tailSteps = null;
        _tailValues = null;
        _tailWalls = null;
        return series;
    }

    /// <summary>
    /// The series so far, copied: the builder keeps its points and goes on taking more (a log followed while it
    /// grows is diagnosed from time to time without being read again).
    /// </summary>
    public MetricSeries Snapshot(SeriesRole role = SeriesRole.Other, ValueAveraging? averaging = null) =>
        new(Name, Copy(_stepChunks), Copy(_valueChunks), _wallChunks is null ? null : Copy(_wallChunks), role, averaging);

    /// <summary>The points of one column in one array; with <paramref name="release"/> each chunk is let go once copied.</summary>
    private T[] Copy<T>(List<T[]> chunks, bool release = false)
    {
        // Every element is written below: no need to zero hundreds of megabytes first.
        var all = GC.AllocateUninitializedArray<T>(_count);
        for (int chunk = 0, start = 0; start < _count; start = ChunkStart(++chunk))
        {
            Array.Copy(chunks[chunk], 0, all, start, Math.Min(ChunkStart(chunk + 1), _count) - start);
            if (release) chunks[chunk] = [];
        }

        return all;
    }

    private bool TakeCapacity(int points)
    {
        // The budget counts the chunks' length (what memory holds), given back when a restart drops chunks.
        return _budget is null || _budget.TryTake(points);
    }

    private void GrowLastChunk()
    {
        int last = _stepChunks.Count - 1;
        int size = Math.Min(ChunkSize, _stepChunks[last].Length * 2);
        var steps = _stepChunks[last];
        var values = _valueChunks[last];
        Array.Resize(ref steps, size);
        Array.Resize(ref values, size);
        _stepChunks[last] = steps;
        _valueChunks[last] = values;
        if (_wallChunks is not null)
        {
            var walls = _wallChunks[last];
            Array.Resize(ref walls, size);
            _wallChunks[last] = walls;
        }
    }

    /// <summary>The index of the first point of <paramref name="chunk"/> (or of the point after the chunks).</summary>
    private int ChunkStart(int chunk) => chunk == 0 ? 0 : _firstSpan + ((chunk - 1) << ChunkBits);

    private (int Chunk, int Within) Locate(int index) =>
        index < _firstSpan ? (0, index) : (1 + ((index - _firstSpan) >> ChunkBits), (index - _firstSpan) & ChunkMask);

    private long StepAt(int index)
    {
        var (chunk, within) = Locate(index);
        return _stepChunks[chunk][within];
    }

    private void Set(int index, long step, double value, double wallTime)
    {
        var (chunk, within) = Locate(index);
        _stepChunks[chunk][within] = step;
        _valueChunks[chunk][within] = value;
        if (_wallChunks is not null)
        {
            _wallChunks[chunk][within] = wallTime;
        }
    }

    /// <summary>Binary search over the (increasing) steps.</summary>
    private int FirstIndexAtOrAfter(long step)
    {
        int low = 0, high = _count;
        while (low < high)
        {
            int mid = (int)((uint)(low + high) >> 1);
            if (StepAt(mid) < step)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void Truncate(int count)
    {
        _count = count;

        // The tail chunk may be gone: make the next Add take the slow path, which finds it again.
        _lastStep = long.MaxValue;
        int chunksNeeded = count == 0 ? 0 : Locate(count - 1).Chunk + 1;
        if (chunksNeeded == 0) _firstSpan = ChunkSize;

        if (_stepChunks.Count > chunksNeeded)
        {
            int extra = _stepChunks.Count - chunksNeeded;
            long freed = _stepChunks.Skip(chunksNeeded).Sum(chunk => (long)chunk.Length);
            _budget?.Release(freed);
            _stepChunks.RemoveRange(chunksNeeded, extra);
            _valueChunks.RemoveRange(chunksNeeded, extra);
            _wallChunks?.RemoveRange(chunksNeeded, extra);
        }
    }
}
