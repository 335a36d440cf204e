namespace EpochLens.Logs;

/// <summary>
/// How many points the series of one read may hold together: a log with more (a gzip bomb of valid rows) keeps
/// the points read until the budget is used up and drops the rest, instead of filling the machine's memory.
/// </summary>
public sealed class PointBudget
{
    // Ambient rather than passed: every reader's builders share the read's budget without each reader's
    // constructors carrying it, and the CSV reader's parallel parsing tasks inherit it.
    private static readonly AsyncLocal<PointBudget?> Ambient = new();

    private readonly IProgress<long>? _progress;
    private long _left;
    private int _exhausted;

    /// <param name="points">The most points held at once.</param>
    /// <param name="progress">Told the points held so far each time a builder takes room (every 65,536 points of a series).</param>
    public PointBudget(long points, IProgress<long>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(points);
        Points = points;
        _left = points;
        _progress = progress;
    }

    /// <summary>The budget a builder created now takes from: the current read's, or null outside a read.</summary>
    public static PointBudget? Current => Ambient.Value;

    public long Points { get; }

    /// <summary>A point was refused: the log was cut.</summary>
    public bool Exhausted => Volatile.Read(ref _exhausted) != 0;

    /// <summary>Makes this the current budget until the scope is disposed.</summary>
    public IDisposable Use()
    {
        var previous = Ambient.Value;
        Ambient.Value = this;
        return new Scope(previous);
    }

    /// <summary>Takes room for <paramref name="points"/> more points; false (and the budget exhausted) when there is none.</summary>
    public bool TryTake(long points)
    {
        long left = Interlocked.Add(ref _left, -points);
        if (left >= 0)
        {
            _progress?.Report(Points - left);
            return true;
        }

        Interlocked.Add(ref _left, points);
        Volatile.Write(ref _exhausted, 1);
        return false;
    }

    /// <summary>Gives back room a builder no longer holds (points superseded by a restart).</summary>
    public void Release(long points) => Interlocked.Add(ref _left, points);

    private sealed class Scope(PointBudget? previous) : IDisposable
    {
        public void Dispose() => Ambient.Value = previous;
    }
}
