namespace EpochLens.Torch.Training;

/// <summary>
/// Decides the order of the training samples in each epoch. Deterministic for a given seed, and kept
/// apart from libtorch's generator so that the order never depends on how many random numbers the
/// model's initialisation drew.
/// </summary>
public sealed class EpochSampler
{
    private readonly SampleOrder _order;
    private readonly int _count;
    private readonly int _seed;
    private readonly int[]? _sortedByLabel;
    private readonly Random _random;

    /// <param name="order">How each epoch orders the samples.</param>
    /// <param name="count">Samples per epoch: the indices 0..count-1 of the training set.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="labels">The training labels (used by <see cref="SampleOrder.SortedByLabel"/>).</param>
    public EpochSampler(SampleOrder order, int count, int seed, ReadOnlySpan<byte> labels)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        _order = order;
        _count = count;
        _seed = seed;
        _random = new Random(seed);
        if (order == SampleOrder.SortedByLabel)
        {
            var ordered = labels[..count].ToArray();
            _sortedByLabel = Enumerable.Range(0, count).ToArray();
            // A stable sort: within a class the stored order is kept, as with data that arrived sorted.
            _sortedByLabel = _sortedByLabel.OrderBy(i => ordered[i]).ToArray();
        }
    }

    /// <summary>The sample indices of the next epoch, in training order.</summary>
    public int[] NextEpoch()
    {
        switch (_order)
        {
            case SampleOrder.Fixed:
                return Enumerable.Range(0, _count).ToArray();
            case SampleOrder.SortedByLabel:
                return (int[])_sortedByLabel!.Clone();
            case SampleOrder.ReseededEachEpoch:
                return Permutation(new Random(_seed));
            default:
                return Permutation(_random);
        }
    }

    private int[] Permutation(Random random)
    {
        var indices = Enumerable.Range(0, _count).ToArray();
        random.Shuffle(indices);
        return indices;
    }

    /// <summary>Splits an epoch's order into batches; the last one is short unless <paramref name="dropLast"/>.</summary>
    public static IReadOnlyList<ArraySegment<int>> Batches(int[] order, int batchSize, bool dropLast)
    {
        var batches = new List<ArraySegment<int>>((order.Length + batchSize - 1) / batchSize);
        for (int start = 0; start < order.Length; start += batchSize)
        {
            int size = Math.Min(batchSize, order.Length - start);
            if (size < batchSize && dropLast) break;

            batches.Add(new ArraySegment<int>(order, start, size));
        }

        return batches;
    }
}
