namespace EpochLens.Synthetic.Internals;

/// <summary>
/// Training progress in steps at the base rate (each step adds its relative rate). A planted state reload takes
/// it back at each boundary by a share of the previous epoch's progress, with no transient.
/// </summary>
internal sealed class ProgressClock
{
    private readonly double _reloadShare;
    private readonly double[] _epochStart;

    public ProgressClock(int epochs, double reloadShare)
    {
        _reloadShare = reloadShare;
        _epochStart = new double[epochs];
    }

    public double Progress { get; private set; }

    /// <summary>Starts an epoch; returns the progress a reload undid (0 when none).</summary>
    public double BeginEpoch(int epoch)
    {
        double undone = 0;
        if (epoch > 0 && _reloadShare > 0)
        {
            undone = _reloadShare * (Progress - _epochStart[epoch - 1]);
            Progress -= undone;
        }

        _epochStart[epoch] = Progress;
        return undone;
    }

    public void Advance(double rate) => Progress += rate;
}
