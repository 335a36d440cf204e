using EpochLens.Diagnosis;

namespace EpochLens.Synthetic.Internals;

/// <summary>
/// Samples, batches and accumulation groups of an epoch. The spec's samples are trimmed to whole batches and
/// whole groups; only a planted partial-last-batch or grad-accumulation-leftover then makes a short one.
/// </summary>
internal sealed class RunGeometry
{
    private RunGeometry(int samples, int batchSize, int steps, int lastBatch, int accumulation)
    {
        SamplesPerEpoch = samples;
        BatchSize = batchSize;
        StepsPerEpoch = steps;
        LastBatchSize = lastBatch;
        Accumulation = accumulation;
        LeftoverBatches = steps % accumulation;
    }

    public int SamplesPerEpoch { get; }

    public int BatchSize { get; }

    public int StepsPerEpoch { get; }

    public int LastBatchSize { get; }

    public int Accumulation { get; }

    /// <summary>Batches in the short last accumulation group (0: none).</summary>
    public int LeftoverBatches { get; }

    public static RunGeometry Resolve(SyntheticRunSpec spec)
    {
        int b = spec.BatchSize, k = spec.GradAccumulation;
        int steps = spec.SamplesPerEpoch / b / k * k;
        if (steps < k || steps < 2)
        {
            throw new ArgumentException($"{spec.SamplesPerEpoch} samples per epoch make fewer than two batches of {b} or one group of {k} batches");
        }

        if (spec.Cause == CauseId.GradAccumulationLeftover && spec.Strength > 0)
        {
            if (k < 2)
            {
                throw new ArgumentException("grad-accumulation-leftover needs GradAccumulation of 2 or more");
            }

            double share = spec.CauseOptions.Leftover == AccumulationLeftover.WrongScale ? 1 - spec.Strength : spec.Strength;
            int leftover = Math.Clamp((int)Math.Round(share * k), 1, k - 1);
            if (steps < 2 * k)
            {
                throw new ArgumentException($"grad-accumulation-leftover needs at least {2 * k} batches per epoch to leave a full group before the short one");
            }

            steps = steps - k + leftover;
        }

        int last = b;
        if (spec.Cause == CauseId.PartialLastBatch && spec.Strength > 0)
        {
            if (b < 2)
            {
                throw new ArgumentException("partial-last-batch needs a batch size of 2 or more");
            }

            last = b - Math.Clamp((int)Math.Round(spec.Strength * b), 1, b - 1);
        }

        return new RunGeometry(((steps - 1) * b) + last, b, steps, last, k);
    }

    public int BatchLength(int position) => position == StepsPerEpoch - 1 ? LastBatchSize : BatchSize;

    /// <summary>Whether the optimizer steps after the batch at <paramref name="position"/>.</summary>
    public bool StepsAfter(int position, AccumulationLeftover leftover) =>
        (position + 1) % Accumulation == 0
        || (position == StepsPerEpoch - 1 && LeftoverBatches > 0 && leftover == AccumulationLeftover.WrongScale);
}
