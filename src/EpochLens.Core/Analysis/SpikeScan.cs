namespace EpochLens.Analysis;

/// <summary>
/// Isolated points far from the trend, reported apart from the epoch analysis: a loss spike in the middle of
/// an epoch is not an epoch artefact, and the user should see it rather than have it folded away.
/// </summary>
public static class SpikeScan
{
    /// <summary>Robust SDs from the trend that make a spike.</summary>
    public const double Threshold = 8;

    /// <summary>The strongest spikes (at most <paramref name="keep"/>) and how many there were.</summary>
    public static (IReadOnlyList<Spike> Strongest, int Count) Scan(PreparedSignal signal, int keep = 10)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var found = new PriorityQueue<Spike, double>();
        int count = 0;
        for (int i = signal.FirstValid; i <= signal.LastValid; i++)
        {
            double u = signal.LogSpace ? Math.Log(signal.Values[i]) : signal.Values[i];
            double z = (u - signal.Trend[i]) / signal.ScaleAt(i);
            if (!(Math.Abs(z) >= Threshold)) continue;

            count++;
            int bin = signal.Bins[i];
            var spike = new Spike(signal.Steps[i], signal.Values[i], z, bin == 0 || bin == signal.BinCount - 1);
            found.Enqueue(spike, Math.Abs(z));
            if (found.Count > keep) found.Dequeue();
        }

        var strongest = new List<Spike>();
        while (found.Count > 0) strongest.Add(found.Dequeue());

        strongest.Reverse();
        return (strongest, count);
    }
}
