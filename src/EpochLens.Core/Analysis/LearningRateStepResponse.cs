namespace EpochLens.Analysis;

/// <summary>
/// How the loss's level answers the steps of a step schedule that fall on epoch boundaries: the mean of the points
/// just after each step less the mean just before, against the same contrast at every other point of the run
/// (in the direction the rate moved: a decay should lower the loss). The smallest p over the steps, corrected
/// for their number, tests them together. It works on the logged values, as the trend breaks at these steps and hides them from the residuals.
/// </summary>
public static class LearningRateStepResponse
{
    public static Measurement? Measure(PreparedSignal signal, IReadOnlyList<LearningRateStep> rateSteps)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(rateSteps);
        var atBoundaries = rateSteps.Where(s => s.Epoch > 0).ToList();
        int n = signal.Count;
        if (atBoundaries.Count == 0 || n < 16) return null;

        var values = signal.Values;
        var u = new double[n];
        for (int i = 0; i < n; i++) u[i] = signal.LogSpace ? Math.Log(values[i]) : values[i];

        int pointsPerEpoch = Math.Max(1, (int)(signal.Structure.StepsPerEpoch / signal.BinWidth));
        // Half an epoch each side: the new level lasts, so a wide window sees it above the noise of the logged points.
        int w = Math.Clamp(pointsPerEpoch / 2, 2, 256);
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + u[i];

        double Contrast(int cut) => ((prefix[cut + w] - prefix[cut]) - (prefix[cut] - prefix[cut - w])) / w;

        var steps = signal.Steps;
        var cuts = atBoundaries.Select(s => LowerBound(steps, s.Step)).ToList();
        // Every point's contrast on short logs; an even sample of 100,000 on long ones (enough for the tail, and cheap).
        var others = new List<double>();
        int stride = Math.Max(1, n / 100_000);
        for (int cut = w; cut + w <= n; cut += stride)
        {
            if (cuts.All(c => Math.Abs(c - cut) >= w)) others.Add(Contrast(cut));
        }

        if (others.Count < 20) return null;

        var sample = others.ToArray();
        double centre = RobustStatistics.Median(sample);
        double scale = RobustStatistics.RobustSd(sample);
        if (!(scale > 0)) return null;

        double smallest = 1, alignedSum = 0;
        int used = 0, answered = 0;
        var epochs = new List<int>();
        for (int k = 0; k < atBoundaries.Count; k++)
        {
            int cut = cuts[k];
            if (cut < w || cut + w > n) continue;

            // A decay should lower the loss, a rise of the rate raise it: the contrast is turned so that the expected answer is positive.
            double direction = atBoundaries[k].Ratio < 1 ? -1 : 1;
            double observed = direction * (Contrast(cut) - centre);
            int asExtreme = others.Count(o => direction * (o - centre) >= observed);
            smallest = Math.Min(smallest, TailP(observed / scale, asExtreme, others.Count, Math.Max(1, w / stride)));
            alignedSum += observed / scale;
            answered += observed > 0 ? 1 : 0;
            epochs.Add(atBoundaries[k].Epoch + 1);
            used++;
        }

        if (used == 0) return null;

        // Any one step may carry it (a late decay of an already small rate barely moves the loss): the smallest p, for as many steps.
        double p = 1 - Math.Pow(1 - smallest, used);
        return new Measurement(
            MeasurementIds.LearningRateStepResponse,
            "Loss change at the learning-rate steps",
            alignedSum / used,
            "robust SD",
            0,
            Math.Max(1e-12, p),
            null,
            null,
            used,
            $"the learning rate steps at the start of epoch{(used > 1 ? "s" : "")} {string.Join(", ", epochs)} (x{string.Join(", x", atBoundaries.Select(s => s.Ratio.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture)))}); the loss moves the way the rate did at {answered} of {used}: the mean of {w} points after less {w} before, ranked among the same contrast at {others.Count} other points");
    }

    /// <summary>
    /// The chance of a contrast this large: the share of other points as extreme, or, beyond the last of them, a
    /// Student-t tail with one degree of freedom per window's width (contrasts that far apart share half their points), so a
    /// step far outside everything else is not capped at one over the number of points.
    /// </summary>
    private static double TailP(double z, int asExtreme, int others, int sampledPerWindow)
    {
        double ranked = (double)asExtreme / (others + 1);
        double degrees = Math.Max(3, others / (double)sampledPerWindow);
        double tail = 1 - MathNet.Numerics.Distributions.StudentT.CDF(0, 1, degrees, z);
        return Math.Max(ranked, tail);
    }

    private static int LowerBound(ReadOnlySpan<long> steps, long step)
    {
        int index = steps.BinarySearch(step);
        return index >= 0 ? index : ~index;
    }
}
