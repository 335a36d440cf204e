namespace EpochLens.Analysis;

/// <summary>
/// The level right after the boundary against right before it, at one point and over a wider window,
/// each tested against the same contrast at other offsets within the epoch; the per-boundary contrasts
/// give the interval and how consistent the sign is.
/// </summary>
public static class BoundaryEventStudy
{
    /// <summary>The wide window: a twentieth of the epoch, at least two points.</summary>
    public static int WideWindow(int binCount) => Math.Clamp(binCount / 20, 2, Math.Max(2, binCount / 2));

    public static IEnumerable<Measurement> Measure(PreparedSignal signal, PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < 2) yield break;

        var window = new CircularWindow(profile.Mean);
        yield return Jump(signal, window, bins, 1, MeasurementIds.BoundaryJump, "Jump at the boundary (one point)");
        int wide = WideWindow(bins);
        if (wide > 1 && bins >= 4 * wide)
            yield return Jump(signal, window, bins, wide, MeasurementIds.BoundaryJumpWide, $"Jump at the boundary ({wide} points each side)");

        // The first loss of an epoch is computed before the epoch's first update: what the updates do (a fresh
        // optimizer, a new learning rate) shows from the second point on.
        int delayed = Math.Max(2, wide);
        if (bins >= (4 * delayed) + 2)
            yield return Jump(signal, window, bins, delayed, MeasurementIds.BoundaryJumpAfterFirst, $"Jump after the epoch's first update ({delayed} points each side, the first left out)", skip: 1);
    }

    private static Measurement Jump(PreparedSignal signal, CircularWindow window, int bins, int h, string id, string title, int skip = 0)
    {
        var test = RotationTest.Run(bins, h + skip, offset => window.Mean(offset + skip, h) - window.Mean(offset - h, h));
        var perBoundary = PerBoundaryJumps(signal, h, skip);
        double low = double.NaN, high = double.NaN;
        int agreeing = 0;
        if (perBoundary.Count >= 2)
        {
            double mean = perBoundary.Average();
            double sd = Math.Sqrt(perBoundary.Sum(v => (v - mean) * (v - mean)) / (perBoundary.Count - 1));
            double half = 1.96 * sd / Math.Sqrt(perBoundary.Count);
            low = test.Observed - half;
            high = test.Observed + half;
            // Math.Sign throws on NaN, which a contrast over non-finite residuals can be.
            agreeing = double.IsNaN(test.Observed) ? 0 : perBoundary.Count(v => !double.IsNaN(v) && Math.Sign(v) == Math.Sign(test.Observed));
        }

        string method = $"mean residual in the {h} point(s) after each boundary{(skip > 0 ? $" (after its first {skip})" : "")} minus the {h} before; tested against the same contrast at {test.Offsets} other offsets in the epoch and across boundaries (t test), same sign at {agreeing} of {perBoundary.Count} boundaries";
        double? p = AcrossEpochTest.Combine(test.PValue, AcrossEpochTest.PValue(perBoundary));
        return new Measurement(id, title, test.Observed, "robust SD", test.NullMean, p, NullIfNaN(low), NullIfNaN(high), perBoundary.Count, method);
    }

    /// <summary>The contrast at each boundary whose both sides lie in the valid range.</summary>
    internal static List<double> PerBoundaryJumps(PreparedSignal signal, int h, int skip = 0)
    {
        var result = new List<double>();
        var z = signal.Z;
        var runs = signal.EpochRuns();
        for (int r = 0; r + 1 < runs.Count; r++)
        {
            var (start, i) = runs[r];

            // i is the first point of the next epoch; a first epoch cut short by the valid range is no "before".
            if (r == 0 && i - start < h) continue;

            int before = Math.Max(start, i - h);
            int from = i + skip;
            int nextEnd = Math.Max(from, Math.Min(runs[r + 1].End, from + h));
            if (i - before < 1 || nextEnd - from < 1) continue;

            double a = 0, b = 0;
            for (int k = from; k < nextEnd; k++) a += z[k];

            for (int k = before; k < i; k++) b += z[k];

            result.Add((a / (nextEnd - from)) - (b / (i - before)));
        }

        return result;
    }

    internal static double? NullIfNaN(double value) => double.IsFinite(value) ? value : null;
}
