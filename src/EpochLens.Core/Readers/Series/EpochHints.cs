namespace EpochLens.Readers.Series;

/// <summary>What an epoch series says about epochs: where whole-number epochs start, or steps per epoch from fractional ones.</summary>
internal static class EpochHints
{
    /// <summary>Whole epochs start at each new value's first step; fractional ones give step / epoch.</summary>
    public static EpochHint? FromEpochSeries(MetricSeries? epochs, string origin)
    {
        if (epochs is null || epochs.Count == 0) return null;

        var steps = epochs.Steps;
        var values = epochs.Values;
        bool fractional = false;
        foreach (var v in values) fractional |= double.IsFinite(v) && v != Math.Floor(v);
        if (fractional) return StepsPerEpochFromFraction(steps, values) is { } perEpoch ? new(perEpoch, null, origin) : null;

        var starts = new List<long>();
        double previous = double.NaN;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i]) || values[i] <= previous) continue;

            starts.Add(steps[i]);
            previous = values[i];
        }

        return starts.Count > 1 ? new EpochHint(null, starts, origin) : null;
    }

    /// <summary>
    /// The median of step / epoch over the upper half of the epoch range, where rounding matters least (older
    /// transformers round to 2 decimals) and one odd entry cannot move it.
    /// </summary>
    public static double? StepsPerEpochFromFraction(ReadOnlySpan<long> steps, ReadOnlySpan<double> epochs)
    {
        double top = double.NegativeInfinity;
        for (int i = 0; i < epochs.Length; i++) top = Usable(steps[i], epochs[i]) ? Math.Max(top, epochs[i]) : top;
        if (!double.IsFinite(top)) return null;

        var ratios = new List<double>();
        for (int i = 0; i < epochs.Length; i++)
        {
            if (Usable(steps[i], epochs[i]) && epochs[i] >= top / 2) ratios.Add(steps[i] / epochs[i]);
        }

        ratios.Sort();
        int n = ratios.Count;
        double median = n % 2 == 1 ? ratios[n / 2] : (ratios[(n / 2) - 1] + ratios[n / 2]) / 2;
        return double.IsFinite(median) ? median : null;
    }

    /// <summary>
    /// Whether epoch k's end, step k x length, lies between the logged steps where floor(epoch) reaches k, give or take
    /// a step (and half a hundredth of an epoch when epochs are rounded to 2 decimals).
    /// </summary>
    public static bool FitsEpochCrossings(double stepsPerEpoch, ReadOnlySpan<long> steps, ReadOnlySpan<double> epochs)
    {
        bool rounded = true;
        foreach (double e in epochs) rounded &= !double.IsFinite(e) || Math.Abs((e * 100) - Math.Round(e * 100)) < 1e-6;

        double slack = 1 + (rounded ? 0.005 * stepsPerEpoch : 0);
        long previousStep = -1;
        double previousWhole = double.NaN;
        for (int i = 0; i < epochs.Length; i++)
        {
            if (!double.IsFinite(epochs[i]) || epochs[i] < 0) continue;

            // Only the first few crossings of a jump are checked: a resumed or odd log jumps far.
            double whole = Math.Floor(epochs[i] + 1e-9);
            for (int j = 1; whole > previousWhole && j <= 4 && previousWhole + j <= whole; j++)
            {
                double end = (previousWhole + j) * stepsPerEpoch;
                if (end < previousStep - slack || end > steps[i] + slack) return false;
            }

            previousStep = steps[i];
            previousWhole = double.IsNaN(previousWhole) ? whole : Math.Max(previousWhole, whole);
        }

        return true;
    }

    private static bool Usable(long step, double epoch) => double.IsFinite(epoch) && epoch > 0 && step > 0;
}
