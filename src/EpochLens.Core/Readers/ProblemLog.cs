namespace EpochLens.Readers;

/// <summary>
/// Collects read problems. A damaged file can hold millions of them, so only the first few of each kind
/// per file are kept in full; every problem is counted.
/// </summary>
public sealed class ProblemLog : IProblemSink
{
    private readonly int _keepPerKindAndFile;
    private readonly List<ReadProblem> _kept = [];
    private readonly Dictionary<(string File, ProblemKind Kind), int> _counts = [];
    private readonly object _gate = new();

    public ProblemLog(int keepPerKindAndFile = 20) => _keepPerKindAndFile = keepPerKindAndFile;

    /// <summary>The problems kept in full, in the order met.</summary>
    public IReadOnlyList<ReadProblem> Kept
    {
        get
        {
            lock (_gate)
            {
                return [.. _kept];
            }
        }
    }

    /// <summary>How many problems of each kind each file had, kept or not.</summary>
    public IReadOnlyDictionary<(string File, ProblemKind Kind), int> Counts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<(string File, ProblemKind Kind), int>(_counts);
            }
        }
    }

    public int Total
    {
        get
        {
            lock (_gate)
            {
                return _counts.Values.Sum();
            }
        }
    }

    public int Count(ProblemKind kind)
    {
        lock (_gate)
        {
            return _counts.Where(c => c.Key.Kind == kind).Sum(c => c.Value);
        }
    }

    public void Report(ReadProblem problem)
    {
        ArgumentNullException.ThrowIfNull(problem);
        lock (_gate)
        {
            var key = (problem.File, problem.Kind);
            _counts.TryGetValue(key, out var count);
            _counts[key] = count + 1;
            if (count < _keepPerKindAndFile)
            {
                _kept.Add(problem);
            }
        }
    }
}
