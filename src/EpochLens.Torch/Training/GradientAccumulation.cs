namespace EpochLens.Torch.Training;

/// <summary>
/// When the optimizer steps under gradient accumulation over k batches, including the faulty handling
/// of an epoch's last, short group that the grad-accumulation-leftover cause is about.
/// </summary>
internal sealed class GradientAccumulation
{
    private readonly int _k;
    private readonly AccumulationLeftover _leftover;

    public GradientAccumulation(int k, AccumulationLeftover leftover)
    {
        _k = k;
        _leftover = leftover;
    }

    /// <summary>
    /// What the loss of the batch at <paramref name="position"/> is divided by: k, as common accumulation code does
    /// even for a short group, except that <see cref="AccumulationLeftover.OwnScale"/> divides a short last group by its own size.
    /// </summary>
    public double DivisorAt(int position, int batchesInEpoch)
    {
        int groupStart = position / _k * _k;
        bool shortLastGroup = groupStart + _k > batchesInEpoch;
        return shortLastGroup && _leftover == AccumulationLeftover.OwnScale ? batchesInEpoch - groupStart : _k;
    }

    /// <summary>Whether the optimizer steps after the batch at <paramref name="position"/>.</summary>
    public bool ShouldStep(int position, int batchesInEpoch)
    {
        if (_k == 1 || (position + 1) % _k == 0)
        {
            return true;
        }

        // The last group of the epoch is short: stepped (with the full group's 1/k scale or its own), or left to leak.
        return position == batchesInEpoch - 1 && _leftover != AccumulationLeftover.Leak;
    }
}
