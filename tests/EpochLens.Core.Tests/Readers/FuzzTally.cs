using EpochLens.Logs;

namespace EpochLens.Core.Tests.Readers;

/// <summary>
/// What a fuzz run read: the corrupted copies that gave logs, and the points in them. A fuzz test asserts both
/// beside "nothing threw": a reader that refused every copy, or read each as empty, would pass that alone while
/// testing nothing. Reads may run on other threads, so the counts are kept with interlocked adds.
/// </summary>
internal sealed class FuzzTally
{
    private long _cases;
    private long _read;
    private long _points;

    /// <summary>Copies tried.</summary>
    public long Cases => Interlocked.Read(ref _cases);

    /// <summary>Copies that gave at least one log.</summary>
    public long Read => Interlocked.Read(ref _read);

    /// <summary>Points in every series of every log read.</summary>
    public long Points => Interlocked.Read(ref _points);

    /// <summary>Counts one copy and what was read from it (nothing, for a copy refused with a LogReadException).</summary>
    public void Add(IEnumerable<TrainingLog>? logs)
    {
        Interlocked.Increment(ref _cases);
        var list = logs?.ToList() ?? [];
        if (list.Count == 0)
        {
            return;
        }

        Interlocked.Increment(ref _read);
        Interlocked.Add(ref _points, list.Sum(l => l.Series.Sum(s => (long)s.Count)));
    }

    /// <summary>Fails unless at least <paramref name="read"/> copies were read with <paramref name="points"/> points among them.</summary>
    public void AssertAtLeast(long read, long points, string what) =>
        Assert.True(Read >= read && Points >= points,
            $"{what}: {this}; at least {read} copies and {points} points were expected: the corruptions or the reader leave too little to test");

    public override string ToString() => $"{Read} of {Cases} corrupted copies read, {Points} points";
}
