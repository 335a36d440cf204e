namespace EpochLens.Synthetic.Internals;

/// <summary>
/// Recency: each visit lowers a sample's logit by a fixed benefit that fades exponentially with the steps since.
/// Benefits add up, so a memory longer than an epoch gives stair-steps and a shorter one a sawtooth.
/// </summary>
internal sealed class MemoryTraces
{
    private readonly double _benefit;
    private readonly double _fadeSteps;
    private readonly double[] _trace;
    private readonly long[] _lastSeen;

    public MemoryTraces(int samples, double benefit, double fadeSteps)
    {
        _benefit = benefit;
        _fadeSteps = fadeSteps;
        _trace = new double[samples];
        _lastSeen = new long[samples];
    }

    /// <summary>The remembered benefit of <paramref name="id"/> at <paramref name="step"/>, then records this visit.</summary>
    public double Visit(int id, long step)
    {
        double now = _trace[id] == 0 ? 0 : _trace[id] * Math.Exp(-(step - _lastSeen[id]) / _fadeSteps);
        _trace[id] = now + _benefit;
        _lastSeen[id] = step;
        return now;
    }
}
