namespace EpochLens.Watching;

/// <summary>
/// Decides when a followed run is diagnosed again. With a known epoch length (given, said by the log, or found by an
/// earlier diagnosis) that is when an epoch completes; without one, after the interval, which doubles (up to 32 times)
/// while the verdict stays the same, or at once when the log has doubled since the last diagnosis. Either way the run must have grown by a 64th (an eighth without epochs) since
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
        if (step is not long current) return false;

        if (_lastStep is not long last) return true;

        if (current <= last) return false;

        bool intervalPassed = now - _lastTime >= _interval * _backOff;
        if (_stepsPerEpoch is double perEpoch)
            return CompletedEpochs(current, perEpoch) > CompletedEpochs(last, perEpoch) && (Grown(current, last, 64) || intervalPassed);

        // A log that has doubled is due whatever the time: it may now hold the epochs a verdict needs.
        return (intervalPassed && Grown(current, last, 8)) || Grown(current, last, 1);
    }

    /// <summary>
    /// Records a diagnosis of the run at <paramref name="step"/>; <paramref name="changed"/> resets the back-off.
    /// <paramref name="epochs"/> is what the diagnosis found, <paramref name="hint"/> what the log says (which can
    /// tell an epoch's length before the diagnosis has the two epochs it needs).
    /// </summary>
    public void Diagnosed(long? step, EpochStructure? epochs, bool changed, DateTimeOffset now, EpochHint? hint = null)
    {
        _lastStep = step;
        _lastTime = now;
        _backOff = changed ? 1 : Math.Min(MaxBackOff, _backOff * 2);
        if (epochs is not null)
        {
            _stepsPerEpoch = _givenStepsPerEpoch ?? epochs.StepsPerEpoch;
            _firstEpochStart = epochs.StartSteps[0];
        }
        else if (_givenStepsPerEpoch is null && LengthFrom(hint) is (double perEpoch, long first))
        {
            _stepsPerEpoch = perEpoch;
            _firstEpochStart = first;
        }
    }

    /// <summary>An epoch length and first start from what a log says, when it says enough.</summary>
    private static (double PerEpoch, long First)? LengthFrom(EpochHint? hint)
    {
        var starts = hint?.EpochStartSteps;
        if (hint?.StepsPerEpoch is double perEpoch && perEpoch >= 1 && double.IsFinite(perEpoch))
            return (perEpoch, hint.FirstEpochStart ?? (starts is { Count: > 0 } ? starts[0] : 0));

        return starts is { Count: >= 2 } && starts[^1] > starts[0] ? ((double)(starts[^1] - starts[0]) / (starts.Count - 1), starts[0]) : null;
    }

    private long CompletedEpochs(long step, double perEpoch) => (long)Math.Floor((step - _firstEpochStart + 1) / perEpoch);

    private static bool Grown(long current, long last, int share) => current - last >= Math.Max(1, last / share);
}
