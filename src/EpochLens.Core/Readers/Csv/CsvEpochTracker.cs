using EpochLens.Logs;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Turns an epoch column into epoch start steps: the first logged step of each new epoch number. A log
/// that writes every k-th step marks each start up to k-1 steps late; that is all such a log can say.
/// </summary>
internal sealed class CsvEpochTracker
{
    private readonly List<long> _starts = [];
    private double _current = double.NaN;

    public void Observe(long step, double epoch)
    {
        if (!double.IsFinite(epoch))
        {
            return;
        }

        double whole = Math.Floor(epoch);
        if (double.IsNaN(_current))
        {
            // The first row starts an epoch only when it is the first epoch; a log may begin mid-run.
            if (whole == 0)
            {
                _starts.Add(step);
            }
        }
        else if (whole > _current)
        {
            DropFrom(step);
            _starts.Add(step);
        }
        else if (whole < _current)
        {
            // A resumed run: its later rows supersede the starts from this step on.
            DropFrom(step);
            if (whole == 0)
            {
                _starts.Add(step);
            }
        }

        _current = whole;
    }

    /// <summary>The hint, or null when no epoch start was seen.</summary>
    public EpochHint? ToHint(string origin)
    {
        if (_starts.Count == 0)
        {
            return null;
        }

        double? perEpoch = null;
        if (_starts.Count >= 3)
        {
            long gap = _starts[1] - _starts[0];
            bool even = true;
            for (int i = 2; i < _starts.Count && even; i++)
            {
                even = _starts[i] - _starts[i - 1] == gap;
            }

            perEpoch = even && gap > 0 ? gap : null;
        }

        return new EpochHint(perEpoch, _starts.ToArray(), origin);
    }

    private void DropFrom(long step)
    {
        int keep = _starts.Count;
        while (keep > 0 && _starts[keep - 1] >= step)
        {
            keep--;
        }

        _starts.RemoveRange(keep, _starts.Count - keep);
    }
}
