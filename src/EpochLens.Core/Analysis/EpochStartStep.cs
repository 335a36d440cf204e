namespace EpochLens.Analysis;

/// <summary>
/// The level shift at the epoch start, as a regression discontinuity: over three quarters of an epoch on each side of every
/// boundary, one straight line with a step where the epoch changes. It sees the stair-step of multi-epoch
/// fine-tuning (every example is easier the next time it is seen, so each epoch starts lower and stays flat)
/// from as few as two boundaries, where the fold-based tests have too few epochs: it works on the logged values
/// themselves, not on residuals of a trend that would absorb the steps. The window is symmetric, so a bend of
/// the curve (a quadratic) does not leak into the step; a sawtooth's rise through the epoch is the line's slope.
/// </summary>
public static class EpochStartStep
{
    /// <summary>Blocks per epoch: enough for a line on each side, few enough to stay cheap on long runs.</summary>
    private const int MaxBlocks = 48;

    /// <summary>Points sampled per block to find the clipping range of its mean.</summary>
    private const int ClipSample = 32;

    public static Measurement? Measure(PreparedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        if (signal.BinCount < 8 || signal.Count < 24) return null;

        var (level, epoch) = Blocks(signal, out int blocksPerEpoch);
        int h = Math.Max(3, (3 * blocksPerEpoch) / 4);
        var fits = new List<StepFit>();
        for (int x = h; x + h <= level.Length; x++)
        {
            // Both halves of the window must lie wholly in the two epochs the boundary joins.
            // A boundary where a step schedule decays the rate drops for that reason; the learning-rate detector judges it.
            if (epoch[x] != epoch[x - 1] && epoch[x - h] == epoch[x - 1] && epoch[x + h - 1] == epoch[x]
                && !signal.BreaksNear(signal.Structure.StartSteps[epoch[x]], 2 * signal.BinWidth))
            {
                fits.Add(StepFit.At(level, x, h));
            }
        }

        if (fits.Count < 2) return null;

        if (StepFit.StepVariances(fits, out int degrees, out double rho) is not { } variances) return null;

        // Each boundary's step over its own error, combined by Stouffer's rule.
        double zSum = 0, sum = 0, variance = 0;
        int dropping = 0;
        for (int i = 0; i < fits.Count; i++)
        {
            zSum += fits[i].Step / Math.Sqrt(variances[i]);
            sum += fits[i].Step;
            variance += variances[i];
            dropping += fits[i].Step < 0 ? 1 : 0;
        }

        double z = zSum / Math.Sqrt(fits.Count);
        double p = Math.Max(1e-12, 2 * (1 - MathNet.Numerics.Distributions.StudentT.CDF(0, 1, degrees, Math.Abs(z))));
        double mean = sum / fits.Count;
        double se = Math.Sqrt(variance) / fits.Count;
        double typical = Math.Abs(RobustStatistics.Median(level));
        double Relative(double d) => signal.LogSpace ? Math.Exp(d) - 1 : d / Math.Max(1e-12, typical);
        return new Measurement(
            MeasurementIds.EpochStartStep,
            "Level shift at the epoch start",
            Relative(mean),
            "relative change",
            0,
            p,
            Relative(mean - (1.96 * se)),
            Relative(mean + (1.96 * se)),
            fits.Count,
            $"a line with a step at the boundary, fitted to the {h} blocks (of {blocksPerEpoch} per epoch) on each side; lower at {dropping} of {fits.Count} boundaries; each step over its error from the fits' residuals (lag-one autocorrelation {rho:0.00} allowed for), combined: {z:+0.0;-0.0}");
    }

    /// <summary>Each epoch cut into at most <see cref="MaxBlocks"/> blocks of positions: the block means, in time order, with their epochs.</summary>
    private static (double[] Level, int[] Epoch) Blocks(PreparedSignal signal, out int blocksPerEpoch)
    {
        int bins = signal.BinCount;
        blocksPerEpoch = Math.Min(bins, MaxBlocks);
        var values = signal.Values;
        var epochs = signal.Epochs;
        var binOf = signal.Bins;
        bool log = signal.LogSpace;
        var level = new List<double>();
        var epoch = new List<int>();
        var sample = new double[ClipSample];
        int i = 0, n = signal.Count;
        while (i < n)
        {
            if (epochs[i] < 0)
            {
                i++;
                continue;
            }

            int e = epochs[i];
            int block = (int)((long)binOf[i] * blocksPerEpoch / bins);
            int start = i;
            while (i < n && epochs[i] == e && (int)((long)binOf[i] * blocksPerEpoch / bins) == block) i++;

            level.Add(ClippedMean(values, start, i, log, sample));
            epoch.Add(e);
        }

        return (level.ToArray(), epoch.ToArray());
    }

    /// <summary>The mean of a block's values, each clipped to 3 robust SDs around the median of a sample of them.</summary>
    private static double ClippedMean(double[] values, int start, int end, bool log, double[] sample)
    {
        int count = end - start;
        double U(int k) => log ? Math.Log(values[k]) : values[k];
        if (count <= 2) return count == 1 ? U(start) : (U(start) + U(start + 1)) / 2;

        int taken = Math.Min(count, sample.Length);
        for (int k = 0; k < taken; k++) sample[k] = U(start + (int)((long)k * count / taken));

        var spread = RobustStatistics.SpreadOfSample(sample.AsSpan(0, taken), upperMedian: true);
        double median = spread.Median;
        double bound = 3 * RobustStatistics.MadToSd * spread.Mad;
        if (!(bound > 0)) bound = double.PositiveInfinity;

        double sum = 0;
        for (int k = start; k < end; k++) sum += Math.Clamp(U(k), median - bound, median + bound);

        return sum / count;
    }
}
