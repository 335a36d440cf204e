namespace EpochLens.Analysis;

/// <summary>
/// Undoes a running mean that restarts every epoch: from m_k, the mean of an epoch's first k losses, the loss
/// at k is k*m_k - (k-1)*m_(k-1). With sparse logging the same formula gives the mean of the losses between
/// two logged points. Lets the engine judge the real training behind a running-mean curve.
/// </summary>
public static class DeAveraging
{
    public static MetricSeries Undo(MetricSeries series, EpochStructure structure)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(structure);
        var steps = series.Steps;
        var values = series.Values;
        var raw = new double[steps.Length];
        int previous = -1;
        for (int i = 0; i < steps.Length; i++)
        {
            int epoch = structure.EpochOf(steps[i]);
            if (epoch < 0 || !double.IsFinite(values[i]))
            {
                raw[i] = values[i];
                continue;
            }

            double k = steps[i] - structure.StartSteps[epoch] + 1;
            if (previous >= 0 && structure.EpochOf(steps[previous]) == epoch)
            {
                double k0 = steps[previous] - structure.StartSteps[epoch] + 1;
                raw[i] = ((k * values[i]) - (k0 * values[previous])) / (k - k0);
            }
            else
            {
                raw[i] = values[i];
            }

            previous = i;
        }

        return new MetricSeries(series.Name + " (de-averaged)", steps.ToArray(), raw, series.HasWallTimes ? series.WallTimes.ToArray() : null, series.Role, ValueAveraging.PerStep);
    }
}
