namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Refines a spectral estimate to a whole number of steps: the full series is folded at every whole-step period in
/// the estimate's uncertainty range, and the one with most power at the harmonics that carried the detection wins.
/// Blocks of the series shorter than an eighth of the highest harmonic's cycle are averaged first, which keeps those
/// harmonics and makes each trial cost a few points per epoch, so long logs with few epochs stay cheap too.
/// </summary>
internal static class PeriodRefiner
{
    /// <summary>Point visits allowed in one pass over the range; a wider range is first searched on a coarser grid.</summary>
    private const long WorkBudget = 40_000_000;

    private const int MinHarmonics = 16;

    /// <summary>
    /// The trend is a running mean over one estimated period: a window of a whole period averages the pattern out,
    /// so its harmonics stay, while the drift of the loss (which would tilt the fold differently at each trial) goes.
    /// </summary>
    private const int TrendPeriods = 1;

    /// <param name="harmonics">Harmonics that carried the detection (the fold sums their power).</param>
    public static long Refine(ResidualSeries series, ResidualChannel channel, double estimate, double uncertainty, int harmonics,
        long minPeriod, long maxPeriod)
    {
        long stride = series.Stride;
        double epochs = series.Length * (double)stride / estimate;
        long low = Math.Max(minPeriod, (long)Math.Floor(estimate - uncertainty));
        long high = Math.Min(maxPeriod, (long)Math.Ceiling(estimate + uncertainty));
        if (low >= high) return Math.Clamp((long)Math.Round(estimate), minPeriod, maxPeriod);

        // Higher harmonics pin the period down more (a phase error grows with the harmonic number), so a few more than
        // the detection needed are summed: the sharp shapes epochs leave (jumps, spikes) have them all.
        int count = (int)Math.Clamp(Math.Max(harmonics, MinHarmonics), 1, Math.Max(1, estimate / stride / 2));
        var weights = new double[count];
        for (int h = 1; h <= count; h++)
        {
            // The changes of white level noise have power 4 sin^2(pi f) at f cycles per logged point.
            double s = Math.Sin(Math.PI * h * stride / estimate);
            weights[h - 1] = channel == ResidualChannel.Signed ? 1 / Math.Max(1e-12, 4 * s * s) : 1;
        }

        // Finer than this, neighbouring trials fold the logged points into the same phases, or (a long period over few
        // epochs) misalign the last epoch by under a 64th of the highest harmonic's cycle: no fold can tell them apart,
        // and trying each step of a range of thousands costs minutes.
        long finest = Math.Max(1, (long)Math.Floor(Math.Max(stride / (2 * epochs), estimate / (64.0 * count * epochs))));

        var fold = new FoldedHarmonics(count, weights);
        // Blocks are averaged for speed: short next to the highest harmonic's cycle (it survives), and at most an
        // eighth of the misalignment that the finest period error builds up over the log (neighbouring trials differ).
        int blockSize = (int)Math.Max(1, Math.Min(estimate / (8.0 * count), finest * epochs / 8) / stride);
        double[] blocks = series.BlockMeans(channel, blockSize);
        RemoveTrend(blocks, (int)Math.Round(TrendPeriods * estimate / (blockSize * (double)stride)));
        double firstStep = series.StepOf((blockSize - 1) / 2.0);
        double stepsPerBlock = blockSize * (double)stride;
        long spacing = finest;
        while (((high - low) / spacing) * (long)blocks.Length * count > WorkBudget) spacing *= 2;

        while (true)
        {
            long best = low;
            double bestPower = double.NegativeInfinity;
            for (long period = low; ; period = Math.Min(high, period + spacing))
            {
                double power = fold.Power(blocks, firstStep, stepsPerBlock, period);
                if (power > bestPower)
                {
                    bestPower = power;
                    best = period;
                }

                if (period >= high) break;
            }

            if (spacing == finest) return best;

            low = Math.Max(minPeriod, best - spacing);
            high = Math.Min(maxPeriod, best + spacing);
            spacing = Math.Max(finest, spacing / 8);
        }
    }

    /// <summary>Subtracts the centred running mean over <paramref name="window"/> values (shrinking at the ends), skipping missing ones.</summary>
    private static void RemoveTrend(double[] values, int window)
    {
        int n = values.Length;
        if (window < 3 || window >= n) return;

        var sums = new double[n + 1];
        var counts = new int[n + 1];
        for (int i = 0; i < n; i++)
        {
            bool present = !double.IsNaN(values[i]);
            sums[i + 1] = sums[i] + (present ? values[i] : 0);
            counts[i + 1] = counts[i] + (present ? 1 : 0);
        }

        int half = window / 2;
        for (int i = 0; i < n; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(n, i + half + 1);
            int count = counts[to] - counts[from];
            if (count > 0) values[i] -= (sums[to] - sums[from]) / count;
        }
    }
}
