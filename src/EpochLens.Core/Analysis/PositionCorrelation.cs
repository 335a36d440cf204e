namespace EpochLens.Analysis;

/// <summary>
/// Whether the loss pattern by position repeats from epoch to epoch. Odd and even epochs are folded apart
/// and correlated position by position: for the fine detail (point minus its neighbours) that is the mark
/// of a fixed sample order; for the whole profile, of any epoch-aligned shape at all.
/// </summary>
public static class PositionCorrelation
{
    public static IEnumerable<Measurement> Measure(PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < 16 || profile.MedianCount < 2) yield break;

        var (odd, even, edge) = DetailAwayFromBoundary(profile);
        if (bins > 2 * edge + 8)
        {
            var detail = Test(odd, even, PhaseProfile.DetailHalfWidth + 2);
            yield return new Measurement(
                MeasurementIds.PositionCorrelation,
                "Position-wise correlation of odd and even epochs (detail)",
                detail.Observed,
                "correlation",
                detail.NullMean,
                detail.PValue,
                null,
                null,
                bins - (2 * edge),
                $"correlation, position by position, of the point-to-point detail folded over odd epochs and over even epochs, against the same with one side shifted by {detail.Offsets} other offsets");
        }

        var whole = Test(profile.OddMean, profile.EvenMean, Math.Max(2, bins / 20));
        yield return new Measurement(
            MeasurementIds.ProfileConsistency,
            "Correlation of the odd and even epochs' profiles",
            whole.Observed,
            "correlation",
            whole.NullMean,
            whole.PValue,
            null,
            null,
            bins,
            $"correlation of the phase profile folded over odd epochs with that over even epochs, against the same with one side shifted by {whole.Offsets} other offsets");
    }

    /// <summary>
    /// The odd and even epochs' detail with the <c>Edge</c> positions at each end set to 0: a boundary spike would
    /// otherwise repeat from epoch to epoch too.
    /// </summary>
    public static (double[] Odd, double[] Even, int Edge) DetailAwayFromBoundary(PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        int edge = Math.Max(PhaseProfile.DetailHalfWidth + 1, profile.BinCount / 100);
        return (Masked(profile.OddDetail, edge), Masked(profile.EvenDetail, edge), edge);
    }

    private static double[] Masked(double[] values, int edge)
    {
        var copy = (double[])values.Clone();
        for (int i = 0; i < edge && i < copy.Length; i++)
        {
            copy[i] = 0;
            copy[copy.Length - 1 - i] = 0;
        }

        return copy;
    }

    private static RotationResult Test(double[] a, double[] b, int guard)
    {
        int n = a.Length;
        int maxOffsets = (int)Math.Clamp(200_000_000L / Math.Max(1, n), 100, 4000);
        if (CircularCorrelation.Of(a, b) is not { } correlation)
            return new RotationResult(0, double.NaN, double.NaN, null, 0);

        return RotationTest.Run(n, guard, correlation.At, RotationTest.Tail.Upper, maxOffsets);
    }
}
