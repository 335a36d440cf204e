namespace EpochLens.Analysis;

/// <summary>
/// How long the level after the boundary stays away from the epoch's settled level (the second half's
/// median), judged on the profile smoothed over a fiftieth of the epoch: the steps a boundary costs.
/// </summary>
public static class TransientShape
{
    public static Measurement? Measure(PreparedSignal signal, PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < 8) return null;

        var (excess, threshold) = Excess(profile);
        int length = Length(excess, threshold, bins / 2);

        double steps = length * signal.BinWidth;
        return new Measurement(
            MeasurementIds.TransientLength,
            "Steps until the level settles after the boundary",
            steps,
            "steps",
            0,
            null,
            null,
            null,
            (int)profile.MedianCount,
            $"first position where the smoothed phase profile comes within {threshold:0.###} robust SD (two standard errors) of the second half's median; {steps / signal.Structure.StepsPerEpoch:P1} of the epoch");
    }

    /// <summary>
    /// Bins from the boundary until the excess settles: it may start one bin late (the first logged loss of an
    /// epoch is computed before the epoch's first update, so a cause acting through the updates shows from the
    /// second), and it has settled when two bins in a row lie inside the band or it changes sign.
    /// </summary>
    internal static int Length(double[] excess, double threshold, int limit)
    {
        int start = Math.Abs(excess[0]) > threshold ? 0 : excess.Length > 1 && Math.Abs(excess[1]) > threshold ? 1 : -1;
        if (start < 0) return 0;

        int sign = Math.Sign(excess[start]);
        bool Away(int b) => b < excess.Length && Math.Sign(excess[b]) == sign && Math.Abs(excess[b]) > threshold;
        int length = start;
        while (length < limit && (Away(length) || Away(length + 1))) length++;

        return length;
    }

    /// <summary>The smoothed profile minus its settled level, and the two-standard-error band around zero.</summary>
    internal static (double[] Excess, double Threshold) Excess(PhaseProfile profile)
    {
        int bins = profile.BinCount;
        int width = Math.Max(1, bins / 50);
        var prefix = new double[bins + 1];
        for (int b = 0; b < bins; b++) prefix[b + 1] = prefix[b] + profile.Mean[b];

        var smooth = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            // A centred window clipped to the epoch, so it never mixes the end of one epoch with the start of the next.
            int from = Math.Max(0, b - (width / 2)), to = Math.Min(bins, from + width);
            smooth[b] = (prefix[to] - prefix[from]) / (to - from);
        }

        var late = smooth.AsSpan(bins / 2).ToArray();
        double settled = RobustStatistics.Median(late);
        double noise = 0;
        for (int b = 0; b < bins; b++) noise += profile.MeanSquare[b] - (profile.Mean[b] * profile.Mean[b]);

        noise = Math.Sqrt(Math.Max(1e-12, noise / bins) / Math.Max(1, profile.MedianCount * width));
        var excess = new double[bins];
        for (int b = 0; b < bins; b++) excess[b] = smooth[b] - settled;

        return (excess, 2 * noise);
    }
}
