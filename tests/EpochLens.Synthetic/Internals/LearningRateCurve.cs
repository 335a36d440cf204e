namespace EpochLens.Synthetic.Internals;

/// <summary>The rate at each step relative to the base rate: the run's plan times a planted per-epoch pattern.</summary>
internal sealed class LearningRateCurve
{
    private readonly LrPlan _plan;
    private readonly EpochLrPattern _pattern;
    private readonly double _depth;
    private readonly int _stepsPerEpoch;
    private readonly double _totalSteps;
    private readonly int _warmupSteps;

    /// <param name="plan">The run's plan.</param>
    /// <param name="pattern">The planted per-epoch pattern.</param>
    /// <param name="depth">The lr-schedule strength (0: no per-epoch pattern).</param>
    /// <param name="stepsPerEpoch">Steps per epoch.</param>
    /// <param name="totalSteps">Steps in the run.</param>
    public LearningRateCurve(LrPlan plan, EpochLrPattern pattern, double depth, int stepsPerEpoch, long totalSteps)
    {
        _plan = plan;
        _pattern = pattern;
        _depth = depth;
        _stepsPerEpoch = stepsPerEpoch;
        _totalSteps = totalSteps;
        _warmupSteps = Math.Max(1, stepsPerEpoch / 10);
    }

    public double At(long step, int epoch, int position)
    {
        // (step + 1): a warm-up's first step already moves the weights a little.
        double run = _plan.RelativeAt((step + 1) / _totalSteps);
        return _depth == 0 ? run : run * EpochFactor(epoch, position);
    }

    private double EpochFactor(int epoch, int position) => _pattern switch
    {
        EpochLrPattern.StepDecay => Math.Pow(1 - _depth, epoch),
        EpochLrPattern.WarmRestarts => 1 - (_depth * 0.5 * (1 - Math.Cos(Math.PI * position / _stepsPerEpoch))),
        EpochLrPattern.PerEpochWarmup => position >= _warmupSteps ? 1 : 1 - _depth + (_depth * (position + 1) / _warmupSteps),
        _ => 1,
    };
}
