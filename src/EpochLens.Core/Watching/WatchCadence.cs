using EpochLens.Analysis;

namespace EpochLens.Watching;

/// <summary>
/// Decides when a followed run is diagnosed again. With a known epoch length (given, or found by an earlier
/// diagnosis) that is when an epoch completes; without one, after the interval, which doubles (up to 32 times)
/// while the verdict stays the same. Either way the run must have grown by a 64th (an eighth without epochs) since
/// the last diagnosis unless the interval has passed, so that a log of many short epochs written faster than the
/// interval is diagnosed O(log n) times, not once per epoch.
/// </summary>
public sealed class WatchCadence
{
    private const int MaxBackOff = 32;

    private readonly double? _givenStepsPerEpoch;
    private readonly TimeSpan _interval;
    private double? _stepsPerEpoch;
    private long _firstEpochStart;
    private long? _lastStep;
    private DateTimeOffset _lastTime;
    private int _backOff = 1;

    public WatchCadence(double? givenStepsPerEpoch, TimeSpan interval)
    {
        _givenStepsPerEpoch = givenStepsPerEpoch;
        _stepsPerEpoch = givenStepsPerEpoch;
        _interval = interval;
    }

    /// <summary>The epoch length the cadence follows, or null when epochs are not known yet.</summary>
    public double? StepsPerEpoch => _stepsPerEpoch;

    /// <summary>Whether the run, now at <paramref name="step"/>, is due a diagnosis.</summary>
    public bool Due(long? step, DateTimeOffset now)
    {
        if (step is not long current)
        {
            return false;
        }

        if (_lastStep is not long last)
        {
            return true;
        }

        if (current <= last)
        {
            return false;
        }

        bool intervalPassed = now - _lastTime >= _interval * _backOff;
        if (_stepsPerEpoch is double perEpoch)
        {
            return CompletedEpochs(current, perEpoch) > CompletedEpochs(last, perEpoch) && (Grown(current, last, 64) || intervalPassed);
        }

        return intervalPassed && Grown(current, last, 8);
    }

    /// <summary>Records a diagnosis of the run at <paramref name="step"/>; <paramref name="changed"/> resets the back-off.</summary>
    public void Diagnosed(long? step, EpochStructure? epochs, bool changed, DateTimeOffset now)
    {
        _lastStep = step;
        _lastTime = now;
        _backOff = changed ? 1 : Math.Min(MaxBackOff, _backOff * 2);
        if (epochs is not null)
        {
            _stepsPerEpoch = _givenStepsPerEpoch ?? epochs.StepsPerEpoch;
            _firstEpochStart = epochs.StartSteps[0];
        }
    }

    private long CompletedEpochs(long step, double perEpoch) => (long)Math.Floor((step - _firstEpochStart + 1) / perEpoch);

    private static bool Grown(long current, long last, int share) => current - last >= Math.Max(1, last / share);
}
