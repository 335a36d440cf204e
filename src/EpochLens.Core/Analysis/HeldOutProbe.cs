namespace EpochLens.Analysis;

/// <summary>
/// What the held-out loss says about overfitting: how far it has risen from its best value by the end of the
/// run, while the training loss went on falling.
/// </summary>
public static class HeldOutProbe
{
    public static Measurement? Measure(TrainingLog log, MetricSeries train)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(train);
        var heldOut = log.Find(SeriesRole.HeldOutLoss);
        if (heldOut is null || heldOut.Count < 3 || heldOut == train) return null;

        var values = heldOut.Values;
        var steps = heldOut.Steps;
        int best = -1, lastFinite = -1;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) continue;

            lastFinite = i;
            if (best < 0 || values[i] < values[best]) best = i;
        }

        if (best < 0 || lastFinite <= 0 || !(values[best] > 0)) return null;

        double rise = (values[lastFinite] / values[best]) - 1;
        return new Measurement(
            MeasurementIds.HeldOutGap,
            "Held-out loss above its best",
            rise,
            "relative",
            0,
            null,
            null,
            null,
            heldOut.Count,
            $"held-out loss '{heldOut.Name}' was lowest ({values[best]:G4}) at step {steps[best] + log.StepOrigin} and is {values[lastFinite]:G4} at step {steps[lastFinite] + log.StepOrigin}");
    }
}
