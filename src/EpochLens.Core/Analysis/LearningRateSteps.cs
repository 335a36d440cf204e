namespace EpochLens.Analysis;

/// <summary>One step of a piecewise-constant learning-rate schedule (MultiStepLR, mmdetection's "step" policy).</summary>
/// <param name="Step">The first logged step at the new rate.</param>
/// <param name="Ratio">The new rate over the old one (0.1 for a tenfold decay).</param>
/// <param name="Epoch">The epoch (0-based) that starts at this step, or -1 when the step falls inside an epoch.</param>
public readonly record struct LearningRateStep(long Step, double Ratio, int Epoch);

/// <summary>
/// Finds the few sudden changes of a learning rate that is otherwise constant: the decays of a step schedule.
/// Each moves the loss's level at once, so the trend is allowed to break there; without that, a smooth trend drawn
/// across a tenfold decay bends above the loss before it and below after it, and folded by epoch that bend looks
/// like a sawtooth. A schedule that changes at most epoch boundaries (a per-epoch decay, warm restarts) is not
/// a trend break but the structure itself, and is left to the learning-rate detector.
/// </summary>
public static class LearningRateSteps
{
    /// <summary>A rate change at least this large (either way) between logged points is a step.</summary>
    private const double MinRatio = 1.25;

    /// <summary>Logged points on each side of a step at which the rate must be constant.</summary>
    private const int Flat = 2;

    /// <summary>More steps than this is a schedule of its own, not a few decays.</summary>
    private const int MaxSteps = 8;

    public static IReadOnlyList<LearningRateStep> Find(MetricSeries rate, EpochStructure structure)
    {
        ArgumentNullException.ThrowIfNull(rate);
        ArgumentNullException.ThrowIfNull(structure);
        var (steps, values) = Positive(rate);
        int n = values.Length;
        if (n < (2 * Flat) + 1) return [];

        // A warm-up ramp at the start changes the rate at every point: it is not a step.
        int from = 0;
        while (from + 1 < n && values[from + 1] > values[from] * (1 + 1e-9)) from++;

        var found = new List<LearningRateStep>();
        for (int i = Math.Max(from + Flat, 1); i + Flat <= n; i++)
        {
            double ratio = values[i] / values[i - 1];
            if (ratio < MinRatio && ratio > 1 / MinRatio) continue;

            if (!Constant(values, i - Flat, i) || !Constant(values, i, i + Flat)) continue;

            found.Add(new LearningRateStep(steps[i], ratio, EpochStartingAt(structure, steps[i - 1], steps[i])));
            if (found.Count > MaxSteps) return [];
        }

        int atBoundaries = found.Count(s => s.Epoch >= 0);
        int boundaries = structure.EpochCount - 1;
        return atBoundaries >= 2 && atBoundaries * 2 >= boundaries ? [] : found;
    }

    private static bool Constant(double[] values, int from, int to)
    {
        for (int i = from + 1; i < to; i++)
        {
            if (Math.Abs(values[i] - values[from]) > 1e-6 * values[from]) return false;
        }

        return true;
    }

    /// <summary>
    /// The epoch whose start lies in (<paramref name="before"/>, <paramref name="after"/>], or one that starts right
    /// after <paramref name="after"/> (a rate printed after scheduler.step() shows on the epoch's last line); else -1.
    /// </summary>
    private static int EpochStartingAt(EpochStructure structure, long before, long after)
    {
        var starts = structure.StartSteps;
        long gap = Math.Max(1, after - before);
        for (int e = 1; e < starts.Length; e++)
        {
            if (starts[e] > before && starts[e] <= after + gap) return e;
        }

        return -1;
    }

    private static (long[] Steps, double[] Values) Positive(MetricSeries rate)
    {
        var steps = new List<long>(rate.Count);
        var values = new List<double>(rate.Count);
        for (int i = 0; i < rate.Count; i++)
        {
            double v = rate.Values[i];
            if (double.IsFinite(v) && v > 0)
            {
                steps.Add(rate.Steps[i]);
                values.Add(v);
            }
        }

        return (steps.ToArray(), values.ToArray());
    }
}
