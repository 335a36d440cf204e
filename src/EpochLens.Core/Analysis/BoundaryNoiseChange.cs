namespace EpochLens.Analysis;

/// <summary>
/// How much noisier the loss is in the first quarter of an epoch than in the last quarter of the one before: a
/// learning rate that jumps at the boundary (a warm restart, a per-epoch step or warm-up) changes the noise of the
/// loss as well as its level. The squared residuals (less the epoch's folded shape) are first divided by their own
/// trend over the run, drawn through each epoch's mean like the level trend, so a noise that shrinks as training
/// goes on does not show up as a step at every boundary. Tested like the level contrasts: against the same contrast
/// at other offsets of the folded noise, and across boundaries.
/// </summary>
public static class BoundaryNoiseChange
{
    public static Measurement? Measure(PreparedSignal signal, PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < 12 || signal.ValidEpochCount < 3) return null;

        var noise = RelativeNoise(signal, profile);
        if (noise is null) return null;

        var folded = new double[bins];
        var counts = new int[bins];
        var binOf = signal.Bins;
        for (int i = signal.FirstValid; i <= signal.LastValid; i++)
        {
            if (double.IsFinite(noise[i]))
            {
                folded[binOf[i]] += noise[i];
                counts[binOf[i]]++;
            }
        }

        double overall = folded.Sum() / Math.Max(1, counts.Sum());
        for (int b = 0; b < bins; b++)
        {
            // An empty bin (a position the log never holds) counts as typical, so it moves no window.
            folded[b] = counts[b] > 0 ? Math.Max(1e-12, folded[b] / counts[b]) : overall;
        }

        int q = Math.Max(3, bins / 4);
        var window = new CircularWindow(folded);
        var test = RotationTest.Run(bins, q, offset => 0.5 * Math.Log(window.Mean(offset, q) / window.Mean(offset - q, q)));
        var perBoundary = PerBoundary(signal, noise, Math.Max(3, (int)(signal.Structure.StepsPerEpoch / signal.BinWidth / 4)));
        int agreeing = perBoundary.Count(v => Math.Sign(v) == Math.Sign(test.Observed));
        double? p = AcrossEpochTest.Combine(test.PValue, AcrossEpochTest.PValue(perBoundary));
        return new Measurement(
            MeasurementIds.BoundaryNoiseChange,
            "Noise change at the boundary",
            test.Observed,
            "log SD ratio",
            test.NullMean,
            p,
            null,
            null,
            perBoundary.Count,
            $"half the log of the residuals' mean square (less the epoch's shape, over its trend through the run) in the first quarter of each epoch over that in the last quarter of the one before; tested against the same contrast at {test.Offsets} other offsets and across boundaries (t test), same sign at {agreeing} of {perBoundary.Count} boundaries");
    }

    /// <summary>
    /// Each point's squared distance from the folded profile, over the run's noise trend at that point (each
    /// epoch's mean square placed at the epoch's middle, joined by straight lines, flat past the ends); NaN outside
    /// the valid range. Null when an epoch has no noise to measure.
    /// </summary>
    private static double[]? RelativeNoise(PreparedSignal signal, PhaseProfile profile)
    {
        var z = signal.Z;
        var binOf = signal.Bins;
        var noise = new double[z.Length];
        Array.Fill(noise, double.NaN);
        var centres = new List<double>();
        var levels = new List<double>();
        foreach (var (start, end) in signal.EpochRuns())
        {
            double sum = 0;
            int n = 0;
            for (int i = start; i < end; i++)
            {
                if (double.IsFinite(z[i]))
                {
                    double d = z[i] - profile.Mean[binOf[i]];
                    noise[i] = d * d;
                    sum += noise[i];
                    n++;
                }
            }

            if (n >= 2 && sum > 0)
            {
                centres.Add(0.5 * (start + end - 1));
                levels.Add(sum / n);
            }
        }

        if (centres.Count < 2) return null;

        int segment = 0;
        for (int k = signal.FirstValid; k <= signal.LastValid; k++)
        {
            while (segment + 2 < centres.Count && k > centres[segment + 1]) segment++;

            double t = Math.Clamp((k - centres[segment]) / (centres[segment + 1] - centres[segment]), 0, 1);
            double trend = levels[segment] + (t * (levels[segment + 1] - levels[segment]));
            if (k < centres[0])
            {
                trend = levels[0];
            }
            else if (k > centres[^1])
            {
                trend = levels[^1];
            }

            noise[k] /= trend;
        }

        return noise;
    }

    /// <summary>Half the log ratio of the mean relative noise in the <paramref name="q"/> points after each boundary to the q before.</summary>
    private static List<double> PerBoundary(PreparedSignal signal, double[] noise, int q)
    {
        var result = new List<double>();
        var runs = signal.EpochRuns();
        for (int r = 0; r + 1 < runs.Count; r++)
        {
            var (start, i) = runs[r];
            int end = runs[r + 1].End;
            if (i - start < q || end - i < q) continue;

            double before = Mean(noise, i - q, i), after = Mean(noise, i, i + q);
            if (before > 0 && after > 0) result.Add(0.5 * Math.Log(after / before));
        }

        return result;
    }

    private static double Mean(double[] values, int from, int to)
    {
        double sum = 0;
        int n = 0;
        for (int k = from; k < to; k++)
        {
            if (double.IsFinite(values[k]))
            {
                sum += values[k];
                n++;
            }
        }

        return n == 0 ? 0 : sum / n;
    }
}
