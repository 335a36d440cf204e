using EpochLens.Diagnosis;

namespace EpochLens.Synthetic.Internals;

/// <summary>
/// The planted causes that act on the loss around each boundary (epochs after the first): the optimizer-reset
/// transient, the small bump after a leaked accumulation group, and the unexplained spike.
/// </summary>
internal sealed class BoundaryLossEffects
{
    /// <summary>Relative loss rise per unit of relative excess in the first update after a leaked group: small.</summary>
    private const double LeakLossGain = 0.1;

    private readonly CauseId _cause;
    private readonly double _strength;
    private readonly CauseOptions _options;
    private readonly RandomStream _random;
    private readonly RiseAndDecay? _reset;
    private readonly int _accumulation;
    private readonly double _leakExcess;
    private readonly int _bumpSteps;
    private double _spikeSign;

    public BoundaryLossEffects(SyntheticRunSpec spec, RunGeometry geometry, RandomStream random)
    {
        _cause = spec.Strength > 0 ? spec.Cause : CauseId.None;
        _strength = spec.Strength;
        _options = spec.CauseOptions;
        _random = random;
        _accumulation = geometry.Accumulation;
        if (_cause == CauseId.OptimizerReset)
        {
            // Adam's second moment re-forms over about 1/(1 - beta2) steps; the rise takes a tenth of the decay.
            double decay = Math.Min(1 / (1 - spec.CauseOptions.Beta2), geometry.StepsPerEpoch) / 3;
            _reset = new RiseAndDecay(Math.Max(1, decay / 10), decay);
        }

        _leakExcess = _cause == CauseId.GradAccumulationLeftover && _options.Leftover == AccumulationLeftover.Leak
            ? (double)geometry.LeftoverBatches / geometry.Accumulation
            : 0;
        _bumpSteps = Math.Max(3, geometry.StepsPerEpoch / 100);
    }

    public void BeginEpoch(int epoch)
    {
        if (_cause == CauseId.EpochAlignedUnexplained && epoch > 0)
        {
            _spikeSign = _options.SpikeSign switch
            {
                SpikeSign.Up => 1,
                SpikeSign.Down => -1,
                _ => _random.Uniform() < 0.5 ? -1 : 1,
            };
        }
    }

    /// <summary>The factor on the batch loss at <paramref name="position"/> of <paramref name="epoch"/> (exactly 1 when nothing acts).</summary>
    public double LossFactor(int epoch, int position)
    {
        if (epoch == 0)
        {
            return 1;
        }

        return _cause switch
        {
            CauseId.OptimizerReset => 1 + (_strength * _reset!.At(position)),
            CauseId.GradAccumulationLeftover when _leakExcess > 0 && position >= _accumulation =>
                1 + (LeakLossGain * _leakExcess * Math.Exp(-(position - _accumulation) / (2.0 * _accumulation))),
            CauseId.EpochAlignedUnexplained => SpikeFactor(position),
            _ => 1,
        };
    }

    private double SpikeFactor(int position) => _options.SpikeShape switch
    {
        BoundarySpikeShape.FirstStep => position == 0 ? Math.Exp(_spikeSign * _strength) : 1,
        _ => position < _bumpSteps ? Math.Exp(_spikeSign * _strength * (1 - ((double)position / _bumpSteps))) : 1,
    };
}
