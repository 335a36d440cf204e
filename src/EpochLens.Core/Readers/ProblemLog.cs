namespace EpochLens.Readers;

/// <summary>
/// Collects read problems. A damaged file can hold millions of them, so only the first few of each kind
/// per file are kept in full; every problem is counted.
/// </summary>
public sealed class ProblemLog(int keepPerKindAndFile = 20) : IProblemSink
{
    private readonly List<ReadProblem> _kept = [];
    private readonly Dictionary<(string File, ProblemKind Kind), int> _counts = [];
    private readonly Lock _gate = new();

    /// <summary>The problems kept in full, in the order met.</summary>
    public IReadOnlyList<ReadProblem> Kept => Locked(() => _kept.ToArray());

    /// <summary>How many problems of each kind each file had, kept or not.</summary>
    public IReadOnlyDictionary<(string File, ProblemKind Kind), int> Counts =>
        Locked(() => new Dictionary<(string File, ProblemKind Kind), int>(_counts));

    public int Total => Locked(() => _counts.Values.Sum());

    public int Count(ProblemKind kind) => Locked(() => _counts.Where(c => c.Key.Kind == kind).Sum(c => c.Value));

    public void Report(ReadProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        lock (_gate)
        {
            var key = (problem.File, problem.Kind);
            _counts.TryGetValue(key, out var count);
            _counts[key] = count + 1;
            if (count < keepPerKindAndFile) _kept.Add(problem);
        }
    }

    private T Locked<T>(Func<T> read)
    {
        lock (_gate)
        {
            return read();
        }
    }
}
