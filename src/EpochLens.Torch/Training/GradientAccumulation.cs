namespace EpochLens.Torch.Training;

/// <summary>
/// When the optimizer steps under gradient accumulation over k batches, including the faulty handling
/// of an epoch's last, short group that the grad-accumulation-leftover cause is about.
/// </summary>
internal sealed class GradientAccumulation(int k, AccumulationLeftover leftover)
{
    /// <summary>
    /// What the loss of the batch at <paramref name="position"/> is divided by: k, as common accumulation code does
    /// even for a short group, except that <see cref="AccumulationLeftover.OwnScale"/> divides a short last group by its own size.
    /// </summary>
    public double DivisorAt(int position, int batchesInEpoch)
    {
        int groupStart = position / k * k;
        bool shortLastGroup = groupStart + k > batchesInEpoch;
        return shortLastGroup && leftover == AccumulationLeftover.OwnScale ? batchesInEpoch - groupStart : k;
    }

    /// <summary>Whether the optimizer steps after the batch at <paramref name="position"/>.</summary>
    public bool ShouldStep(int position, int batchesInEpoch)
    {
        if (k == 1 || (position + 1) % k == 0) return true;

        // The last group of the epoch is short: stepped (with the full group's 1/k scale or its own), or left to leak.
        return position == batchesInEpoch - 1 && leftover != AccumulationLeftover.Leak;
    }
}
