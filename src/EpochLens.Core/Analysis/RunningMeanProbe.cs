namespace EpochLens.Analysis;

/// <summary>
/// Tests whether the logged value is a running mean of the epoch so far. Such a curve steadies like 1/k
/// inside the epoch (its k-th change is the k-th raw loss's distance from the mean, divided by k), and
/// de-averaging it, k*m_k - (k-1)*m_(k-1), gives back plausible raw losses: never negative for a loss.
/// Per-step values show neither: their changes do not shrink, and de-averaging them swings wildly.
/// </summary>
public static class RunningMeanProbe
{
    /// <summary>
    /// Mean size of the step-to-step change by position in the epoch (NaN where no change falls): the 1/k steadying
    /// a running mean shows, for reports to draw. A pass of its own because <see cref="Measure"/> fuses this loop
    /// with de-averaging, and reports need it only when a running mean is found.
    /// </summary>
    public static double[] ChangeByPosition(PreparedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        var change = new double[signal.BinCount];
        var counts = new int[signal.BinCount];
        var values = signal.Values;
        var epochs = signal.Epochs;
        for (int j = 1; j < signal.Count; j++)
        {
            if (epochs[j] < 0 || epochs[j - 1] != epochs[j]) continue;

            double delta = signal.LogSpace ? Math.Log(values[j] / values[j - 1]) : values[j] - values[j - 1];
            change[signal.Bins[j]] += Math.Abs(delta);
            counts[signal.Bins[j]]++;
        }

        for (int b = 0; b < change.Length; b++) change[b] = counts[b] > 0 ? change[b] / counts[b] : double.NaN;

        return change;
    }

    /// <summary>
    /// The spread-decay statistic with the epoch's start moved by any offset: the slope of log(mean |change|)
    /// against log(position) over doubling buckets of positions from the offset (-1 for a running mean, 0 for
    /// per-step values). Positions without a change (NaN, as <see cref="ChangeByPosition"/> gives them) take
    /// the median of the others so every offset is defined; null when fewer than half have one. Shared with
    /// experiments that compare two runs offset by offset.
    /// </summary>
    public static Func<int, double>? SpreadDecayAtOffset(ReadOnlySpan<double> changeByPosition)
    {
        int bins = changeByPosition.Length;
        var filled = new List<double>();
        foreach (double c in changeByPosition)
        {
            if (!double.IsNaN(c)) filled.Add(c);
        }

        if (bins < 2 || filled.Count < bins / 2) return null;

        // Bin 0 has no change inside its epoch; give empty bins the median so rotations stay defined.
        double typical = RobustStatistics.Median(filled.ToArray());
        var change = new double[bins];
        for (int b = 0; b < bins; b++) change[b] = double.IsNaN(changeByPosition[b]) ? typical : changeByPosition[b];

        var window = new CircularWindow(change);
        return offset =>
        {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int buckets = 0;
            for (int from = 1; from < bins; from *= 2)
            {
                int count = Math.Min(from, bins - from);
                double mean = window.Mean(offset + from, count);
                if (!(mean > 0)) continue;

                double x = Math.Log(from + 1 + ((count - 1) / 2.0));
                double y = Math.Log(mean);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                buckets++;
            }

            double denominator = (buckets * sxx) - (sx * sx);
            return buckets >= 3 && denominator > 0 ? ((buckets * sxy) - (sx * sy)) / denominator : double.NaN;
        };
    }

    public static IEnumerable<Measurement> Measure(PreparedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        int bins = signal.BinCount;
        if (bins < 8 || signal.Count < 16) yield break;

        var steps = signal.Steps;
        var values = signal.Values;
        var epochs = signal.Epochs;
        var binOf = signal.Bins;
        var starts = signal.Structure.StartSteps;
        var change = new double[bins];
        var counts = new int[bins];
        long negatives = 0, deAveraged = 0;

        // A rounded running mean, de-averaged, is off by up to (k1 + k0) * q / 2 / (k1 - k0): only values below
        // that count as negative.
        double halfQuantum = RoundingQuantum.Of(values) / 2;
        double u1 = signal.Count > 0 && signal.LogSpace ? Math.Log(values[0]) : values[0];
        for (int j = 1; j < signal.Count; j++)
        {
            double u0 = u1;
            u1 = signal.LogSpace ? Math.Log(values[j]) : values[j];
            int e = epochs[j];
            if (e < 0 || epochs[j - 1] != e) continue;

            change[binOf[j]] += Math.Abs(u1 - u0);
            counts[binOf[j]]++;
            if (signal.LogSpace)
            {
                double k1 = steps[j] - starts[e] + 1, k0 = steps[j - 1] - starts[e] + 1;
                double raw = ((k1 * values[j]) - (k0 * values[j - 1])) / (k1 - k0);
                deAveraged++;
                if (raw < -(halfQuantum * (k1 + k0) / (k1 - k0))) negatives++;
            }
        }

        for (int b = 0; b < bins; b++) change[b] = counts[b] > 0 ? change[b] / counts[b] : double.NaN;

        if (SpreadDecayAtOffset(change) is not { } decay) yield break;

        var test = RotationTest.Run(bins, 2, decay, RotationTest.Tail.Lower);
        yield return new Measurement(
            MeasurementIds.SpreadDecay,
            "How fast step-to-step changes shrink through the epoch",
            test.Observed,
            "log-log slope",
            test.NullMean,
            test.PValue,
            null,
            null,
            (int)Math.Min(int.MaxValue, counts.Sum(c => (long)c)),
            $"slope of log(mean |change|) against log(position in epoch), -1 for a running mean and 0 for per-step values; against the same from {test.Offsets} other starting positions");
        if (deAveraged >= 20)
        {
            double share = (double)negatives / deAveraged;
            yield return new Measurement(
                MeasurementIds.DeAveragedNegativeShare,
                "Negative values after de-averaging",
                share,
                "share",
                null,
                null,
                null,
                null,
                (int)Math.Min(int.MaxValue, deAveraged),
                "share of k*m_k - (k-1)*m_(k-1) below zero, beyond what the values' rounding can explain: 0 when the values are running means of a positive loss, large (often near half) when they are per-step values");
        }
    }
}
