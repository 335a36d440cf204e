namespace EpochLens.Readers.Series;

/// <summary>What an epoch series says about epochs: where whole-number epochs start, or steps per epoch from fractional ones.</summary>
internal static class EpochHints
{
    /// <summary>
    /// Epoch starts when every epoch value is a whole number (the first step of each new value);
    /// steps per epoch from step / epoch when the values are fractional (Hugging Face's epoch progress);
    /// null when the series says nothing usable.
    /// </summary>
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
    /// Steps per epoch from fractional epochs (Hugging Face's epoch progress, rounded to 2 decimals by older
    /// transformers): the median of step / epoch over the entries in the upper half of the epoch range, where
    /// the rounding of the logged epoch matters least and one odd entry cannot move the result.
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
    /// Whether an epoch length fits where the fractional epochs cross whole numbers: epoch k (0-based) ends at
    /// step k x length, which must lie between the last logged step before floor(epoch) reached k and the first
    /// at or after it. Slack: a step, and half a hundredth of an epoch when the epochs are rounded to 2 decimals.
    /// A log that never crosses a whole epoch fits any length.
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
