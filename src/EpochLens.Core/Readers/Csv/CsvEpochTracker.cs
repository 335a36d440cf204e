namespace EpochLens.Readers.Csv;

/// <summary>
/// A run's epoch column, turned into epoch start steps: the first logged step of each new epoch number. A log
/// that writes every k-th step marks each start up to k-1 steps late; that is all such a log can say.
/// </summary>
/// <param name="column">The column holding the epoch, or -1.</param>
internal sealed class CsvEpochTracker(int column, MetricSeriesBuilder? builder)
{
    private readonly List<long> _starts = [];
    private double _current = double.NaN;
    private double _lastEpoch;
    private long _lastStep;

    public int Column => column;

    public MetricSeriesBuilder? Builder => builder;

    /// <summary>Takes a row's epoch; true when the epoch series is to get it as a point.</summary>
    public bool Observe(long step, double epoch)
    {
        if (double.IsFinite(epoch)) Track(step, Math.Floor(epoch));

        // Lightning repeats a step's epoch on its validation and epoch-mean rows: only a change is news.
        if (builder is null || (step == _lastStep && epoch == _lastEpoch && builder.Count > 0)) return false;

        _lastEpoch = epoch;
        _lastStep = step;
        return true;
    }

    /// <summary>The hint, or null when no epoch start was seen.</summary>
    public EpochHint? ToHint(string origin)
    {
        if (_starts.Count == 0) return null;

        long gap = _starts.Count >= 3 ? _starts[1] - _starts[0] : 0;
        bool even = gap > 0 && Enumerable.Range(2, _starts.Count - 2).All(i => _starts[i] - _starts[i - 1] == gap);
        return new EpochHint(even ? gap : null, _starts.ToArray(), origin);
    }

    private void Track(long step, double whole)
    {
        if (whole > _current || whole < _current)
        {
            // A resumed run (a lower epoch) supersedes the starts from this step on, as a new epoch does.
            int keep = _starts.Count;
            while (keep > 0 && _starts[keep - 1] >= step) keep--;

            _starts.RemoveRange(keep, _starts.Count - keep);
        }

        // The first row starts an epoch only when it is the first epoch; a log may begin mid-run.
        if (whole > _current || (whole == 0 && (double.IsNaN(_current) || whole < _current))) _starts.Add(step);

        _current = whole;
    }
}
