namespace EpochLens.Analysis;

/// <summary>
/// Infers the epoch length of a short log from level shifts at regular intervals: the stair-step of a 3-epoch
/// fine-tune, or a warm restart, shifts the loss at every boundary, but three epochs give the spectrum too few
/// cycles to see. For each candidate length the log is cut where its epochs would begin and a line with a step
/// is fitted across each cut (<see cref="StepFit"/>); the length is kept only when every cut shifts the same way,
/// each beyond noise, and that stays significant after correcting for every length tried.
/// </summary>
public static class LevelShiftPeriod
{
    /// <summary>The log is reduced to at most this many block means, equal in steps.</summary>
    private const int MaxBlocks = 1024;

    private const int MinBlocksPerEpoch = 8;

    /// <summary>
    /// The most lengths the placement tries: to the step it would try 4 x (steps per block) of them, endless when a
    /// damaged step stretches the log to 2^52 steps; this many reach the step on logs of up to ten million steps.
    /// </summary>
    private const int MaxPlacements = 1 << 18;

    /// <summary>The log must hold at least this many epochs of a candidate length.</summary>
    private const double MinEpochs = 3;

    /// <summary>A found length: its steps, its p-value after correcting for the lengths tried, the sign of the shifts and their count.</summary>
    public sealed record Found(double StepsPerEpoch, double PValue, bool Drops, int Boundaries, double MedianShift)
    {
        /// <summary>The cuts' shifts combined (Stouffer's z, signed so that the found direction is positive): what places the length.</summary>
        public double Combined { get; init; }
    }

    public static Found? Search(MetricSeries loss, long origin, double significance = 0.01)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (Blocks(loss, out double width, out double firstStep) is not { } level) return null;

        int n = level.Length;
        int longest = (int)Math.Floor(n / MinEpochs);
        double offset = (origin - firstStep) / width;
        int tried = 0;
        Found? best = null;
        for (int period = MinBlocksPerEpoch; period <= longest; period++)
        {
            if (Score(level, period, offset) is { } found)
            {
                tried++;
                best = found.PValue < (best?.PValue ?? 1) ? found : best;
            }
        }

        // The weakest cut decides whether there are epochs; all cuts together place them better: among lengths within
        // 3 % (to the step where blocks are wider), the one whose shifts, combined, stand out most.
        if (best is not null)
        {
            double around = best.StepsPerEpoch, reach = Math.Max(2, 0.03 * around), increment = Math.Max(Math.Min(1, 1 / width), 2 * reach / MaxPlacements);
            var placed = best;
            for (double blocks = around - reach; blocks <= around + reach; blocks += increment)
            {
                if (blocks >= MinBlocksPerEpoch && Score(level, blocks, offset) is { } other && other.Drops == best.Drops && other.PValue <= best.PValue * 1e3
                    && other.Combined > placed.Combined)
                {
                    placed = other;
                }
            }

            best = placed with { PValue = best.PValue };
        }

        if (best is not null) best = best with { StepsPerEpoch = best.StepsPerEpoch * width };

        if (best is null) return null;

        double corrected = Math.Min(1, best.PValue * tried);
        return corrected <= significance ? best with { PValue = Math.Max(1e-12, corrected) } : null;
    }

    /// <summary>The shifts at the cuts a length (in blocks, possibly fractional) puts in the log; null when fewer than two fit.</summary>
    private static Found? Score(double[] level, double period, double offset)
    {
        int n = level.Length;
        int h = Math.Max(3, (int)(3 * period / 4));
        var fits = new List<StepFit>();
        for (int k = 1; ; k++)
        {
            int cut = (int)Math.Round(offset + (k * period));
            if (cut + h > n) break;

            if (cut - h >= 0) fits.Add(StepFit.At(level, cut, h));
        }

        if (fits.Count < 2 || StepFit.StepVariances(fits, out _, out _) is not { } variances) return null;

        double weakestDrop = double.PositiveInfinity, weakestRise = double.PositiveInfinity, zSum = 0, zSquares = 0;
        for (int i = 0; i < fits.Count; i++)
        {
            double z = fits[i].Step / Math.Sqrt(variances[i]);
            zSum += z;
            zSquares += z * z;
            weakestDrop = Math.Min(weakestDrop, -z);
            weakestRise = Math.Min(weakestRise, z);
        }

        // Every cut must shift the same way: the chance that all K independent cuts pass the weakest one's level
        // by noise is the normal tail to the K-th power (for either sign).
        bool drops = weakestDrop >= weakestRise;
        double weakest = Math.Max(weakestDrop, weakestRise);
        double p = Math.Min(1, 2 * Math.Pow(RotationTest.NormalUpperTail(weakest), fits.Count));

        // That chance takes each cut's shift over its noise estimate to vary by 1 without a shift. Where they vary far
        // less, the estimate is too large (shifts that differ between cuts only add to the variation), and a weakest cut
        // that went the other way passes the test by the narrowness alone: 34 cuts scattered by 0.27 around no shift
        // at all put the lowest near -0.4, a 1-in-400,000 event at a scatter of 1. The lowest is then also judged
        // at the scatter seen, and the larger chance kept.
        double scatter = fits.Count > 2 ? Math.Sqrt(Math.Max(0, zSquares - (zSum * zSum / fits.Count)) / (fits.Count - 1)) : 1;
        if (weakest < 0 && scatter < 1)
            p = Math.Max(p, Math.Min(1, 2 * Math.Pow(RotationTest.NormalUpperTail(weakest / Math.Max(scatter, 1e-9)), fits.Count)));

        double medianShift = OrderStatistics.UpperMedian(fits.Select(f => f.Step).ToArray().AsSpan());
        return new Found(period, p, drops, fits.Count, medianShift) { Combined = (drops ? -zSum : zSum) / Math.Sqrt(fits.Count) };
    }

    /// <summary>Means of the (log) loss over blocks of equal steps; gaps take the previous block's mean. Null when too short.</summary>
    private static double[]? Blocks(MetricSeries loss, out double width, out double firstStep)
    {
        var steps = loss.Steps;
        var values = loss.Values;
        width = 1;
        firstStep = 0;
        int first = -1, last = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                first = first < 0 ? i : first;
                last = i;
            }
        }

        if (first < 0 || last - first < 3 * MinBlocksPerEpoch) return null;

        bool positive = true;
        for (int i = first; i <= last; i++) positive &= !(values[i] <= 0);

        long span = steps[last] - steps[first] + 1;
        double stride = span / (double)(last - first + 1);
        width = Math.Max(Math.Ceiling(stride), Math.Ceiling(span / (double)MaxBlocks));
        firstStep = steps[first];
        int count = (int)Math.Ceiling(span / width);
        var sums = new double[count];
        var counts = new int[count];
        for (int i = first; i <= last; i++)
        {
            if (!double.IsFinite(values[i])) continue;

            int b = Math.Min(count - 1, (int)((steps[i] - steps[first]) / width));
            sums[b] += positive ? Math.Log(values[i]) : values[i];
            counts[b]++;
        }

        var level = new double[count];
        double previous = double.NaN;
        for (int b = 0; b < count; b++)
        {
            level[b] = counts[b] > 0 ? sums[b] / counts[b] : previous;
            previous = level[b];
        }

        return double.IsNaN(level[0]) ? null : level;
    }
}
