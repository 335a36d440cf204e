namespace EpochLens.Analysis;

/// <summary>
/// The first and last point of each epoch, in level and in spread, against every other position:
/// a smaller last batch shows at the last point only, a leaked or mis-scaled first update at the first.
/// </summary>
public static class EdgeAnomalies
{
    public static IEnumerable<Measurement> Measure(PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < 8) yield break;

        var level = new CircularWindow(profile.Mean);
        var spread = new CircularWindow(profile.MeanSquare);
        double typicalSpread = spread.OverallMean;
        int n = (int)profile.MedianCount;
        if (profile.FirstFilled < 0) yield break;

        // Offsets are counted from the first and last filled bins, which are the epoch's edges.
        int head = profile.FirstFilled, tail = profile.LastFilled + 1 - bins;

        var first = RotationTest.Run(bins, 2, offset => level.Mean(offset + head, 1) - level.OverallMean);
        yield return Make(MeasurementIds.FirstStepLevel, "Level of the first point of the epoch", first, "robust SD", n, "mean residual at the first position minus the mean over all positions");
        var last = RotationTest.Run(bins, 2, offset => level.Mean(offset + tail - 1, 1) - level.OverallMean);
        yield return Make(MeasurementIds.LastStepLevel, "Level of the last point of the epoch", last, "robust SD", n, "mean residual at the last position minus the mean over all positions");
        if (typicalSpread > 0)
        {
            var firstSpread = RotationTest.Run(bins, 2, offset => Math.Log(Math.Max(1e-9, spread.Mean(offset + head, 1)) / typicalSpread));
            yield return Make(MeasurementIds.FirstStepVariance, "Spread at the first point of the epoch", firstSpread, "log variance ratio", n, "log of the mean squared residual at the first position over that of all positions");
            var lastSpread = RotationTest.Run(bins, 2, offset => Math.Log(Math.Max(1e-9, spread.Mean(offset + tail - 1, 1)) / typicalSpread));
            yield return Make(MeasurementIds.LastStepVariance, "Spread at the last point of the epoch", lastSpread, "log variance ratio", n, "log of the mean squared residual at the last position over that of all positions");
        }
    }

    private static Measurement Make(string id, string title, RotationResult test, string unit, int n, string what) =>
        new(id, title, test.Observed, unit, test.NullMean, test.PValue, null, null, n, $"{what}, against the same at {test.Offsets} other positions");
}
