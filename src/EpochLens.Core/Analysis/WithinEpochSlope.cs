namespace EpochLens.Analysis;

/// <summary>
/// How the detrended loss moves through the epoch: a rise from start to end (then a drop at the boundary)
/// is the sawtooth of recency; a fall is an epoch replaying progress it lost at the boundary.
/// Value: the fitted change from the start to the end of the epoch, in robust SDs.
/// </summary>
public static class WithinEpochSlope
{
    public static Measurement? Measure(PreparedSignal signal, PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < 8) return null;

        // Sum of position x value for every rotation, by the recurrence S(r+1) = S(r) + B*M[r] - total.
        var m = profile.Mean;
        double total = m.Sum();
        var weighted = new double[bins];
        double s = 0;
        for (int p = 0; p < bins; p++) s += p * m[p];

        for (int r = 0; r < bins; r++)
        {
            weighted[r] = s;
            s += (bins * m[r]) - total;
        }

        double meanPosition = (bins - 1) / 2.0;
        double sxx = 0;
        for (int p = 0; p < bins; p++) sxx += (p - meanPosition) * (p - meanPosition);

        // Slope per position times the span: the change across one epoch.
        double Rise(int offset) => (weighted[((offset % bins) + bins) % bins] - (meanPosition * total)) / sxx * (bins - 1);
        int guard = Math.Max(2, bins / 20);
        var test = RotationTest.Run(bins, guard, Rise);
        var perEpoch = PerEpochRise(signal);
        return new Measurement(
            MeasurementIds.WithinEpochSlope,
            "Rise of the detrended loss through the epoch",
            test.Observed,
            "robust SD per epoch",
            test.NullMean,
            AcrossEpochTest.Combine(test.PValue, AcrossEpochTest.PValue(perEpoch)),
            null,
            null,
            perEpoch.Count,
            $"least-squares line through the phase profile, start to end of the epoch; tested against the same with the epoch start moved to {test.Offsets} other positions and across {perEpoch.Count} epochs' own lines (t test)");
    }

    /// <summary>The rise of each epoch's own line, for epochs whose points are at least half in the valid range.</summary>
    internal static List<double> PerEpochRise(PreparedSignal signal)
    {
        var result = new List<double>();
        var z = signal.Z;
        var bins = signal.Bins;
        double span = Math.Max(1, signal.BinCount - 1);
        foreach (var (start, end) in signal.EpochRuns())
        {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            for (int i = start; i < end; i++)
            {
                double x = bins[i] / span;
                sx += x;
                sy += z[i];
                sxx += x * x;
                sxy += x * z[i];
            }

            int n = end - start;
            double denominator = (n * sxx) - (sx * sx);
            if (n >= signal.BinCount / 2 && n >= 4 && denominator > 0)
                result.Add(((n * sxy) - (sx * sy)) / denominator);
        }

        return result;
    }
}
