using EpochLens.Diagnosis;

namespace EpochLens.Synthetic.Internals;

/// <summary>
/// The optimizer's step counter and the size of each update. A fresh Adam's first updates are larger (its moments
/// are still forming, over about 1/(1 - beta1) = 10 steps); a reset repeats that every epoch. Accumulation steps
/// every k batches (size 0 in between); a leftover group is scaled wrongly or leaks; a weight reload moves the
/// weights by an amount that grows with the progress undone.
/// </summary>
internal sealed class OptimizerTrace
{
    /// <summary>Update size per step at the base rate, in arbitrary units.</summary>
    private const double BaseUpdate = 0.01;

    /// <summary>How much larger a fresh optimizer's first update is, relative excess.</summary>
    private const double FreshExcess = 3;

    private const double FreshSteps = 10;

    private readonly RunGeometry _geometry;
    private readonly AccumulationLeftover _leftover;
    private readonly bool _resets;
    private readonly bool _wrongScale;
    private readonly bool _leaks;
    private readonly RandomStream? _norms;
    private long _count;
    private long _sinceBuilt;

    /// <param name="spec">The run.</param>
    /// <param name="geometry">Its batches and groups.</param>
    /// <param name="norms">The stream for update sizes, or null when no update norm is logged.</param>
    public OptimizerTrace(SyntheticRunSpec spec, RunGeometry geometry, RandomStream? norms)
    {
        _geometry = geometry;
        _leftover = spec.CauseOptions.Leftover;
        _resets = spec.Cause == CauseId.OptimizerReset && spec.Strength > 0;
        bool leftover = spec.Cause == CauseId.GradAccumulationLeftover && geometry.LeftoverBatches > 0;
        _wrongScale = leftover && _leftover == AccumulationLeftover.WrongScale;
        _leaks = leftover && _leftover == AccumulationLeftover.Leak;
        _norms = norms;
    }

    /// <summary>The optimizer's step count after the last batch (Adam's own counter, from 1).</summary>
    public long Count => _count;

    public void BeginEpoch(int epoch)
    {
        if (_resets && epoch > 0)
        {
            _count = 0;
            _sinceBuilt = 0;
        }
    }

    /// <summary>Counts the batch's update, if any, and returns its size (0 when no size is logged).</summary>
    /// <param name="epoch">The epoch.</param>
    /// <param name="position">The batch's position in the epoch.</param>
    /// <param name="rate">The rate relative to the base rate.</param>
    /// <param name="reloadDistance">Progress undone by a weight reload just before this batch (0: none).</param>
    public double Step(int epoch, int position, double rate, double reloadDistance)
    {
        bool steps = _geometry.StepsAfter(position, _leftover);
        double norm = 0;
        if (steps)
        {
            _count++;
            _sinceBuilt++;
            if (_norms is not null)
            {
                norm = BaseUpdate * rate * Math.Exp(0.2 * _norms.Gaussian())
                    * (1 + (FreshExcess * Math.Exp(-(_sinceBuilt - 1) / FreshSteps)))
                    * LeftoverScale(epoch, position);
            }
        }

        return _norms is null ? 0 : norm + (BaseUpdate * Math.Sqrt(reloadDistance));
    }

    private double LeftoverScale(int epoch, int position)
    {
        int k = _geometry.Accumulation, r = _geometry.LeftoverBatches;
        if (_wrongScale && position == _geometry.StepsPerEpoch - 1)
        {
            return (double)r / k;
        }

        return _leaks && epoch > 0 && position == k - 1 ? (double)(k + r) / k : 1;
    }
}
