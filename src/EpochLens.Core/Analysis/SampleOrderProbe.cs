namespace EpochLens.Analysis;

/// <summary>
/// With the sample ids of each step: how often an epoch trains on the same samples at the same position as
/// the epoch before. Reshuffling makes that rare (about one in the epoch's sample count); a fixed order
/// makes it nearly always.
/// </summary>
public static class SampleOrderProbe
{
    public static Measurement? Measure(StepSamples? samples, EpochStructure structure)
    {
        ArgumentNullException.ThrowIfNull(structure);
        if (samples is null || samples.Steps.Count < 16 || structure.EpochCount < 2) return null;

        // First id of each step, by (epoch, position).
        var byPosition = new Dictionary<(int Epoch, long Position), int>();
        for (int k = 0; k < samples.Steps.Count; k++)
        {
            long step = samples.Steps[k];
            int epoch = structure.EpochOf(step);
            if (epoch >= 0 && samples.Ids[k].Length > 0)
            {
                byPosition[(epoch, step - structure.StartSteps[epoch])] = samples.Ids[k][0];
            }
        }

        int compared = 0, same = 0;
        var distinct = new HashSet<int>();
        foreach (var ((epoch, position), id) in byPosition)
        {
            distinct.Add(id);
            if (epoch > 0 && byPosition.TryGetValue((epoch - 1, position), out int previous))
            {
                compared++;
                if (previous == id) same++;
            }
        }

        if (compared < 16) return null;

        double chance = 1.0 / Math.Max(1, distinct.Count);
        double share = (double)same / compared;
        double p = Math.Max(1e-300, 1 - MathNet.Numerics.Distributions.Binomial.CDF(chance, compared, Math.Max(0, same - 1)));
        return new Measurement(
            MeasurementIds.SampleOrderRepeat,
            "Same sample at the same position as the epoch before",
            share,
            "share of positions",
            chance,
            same == 0 ? 1 : p,
            null,
            null,
            compared,
            $"{same} of {compared} positions trained on the same sample as one epoch earlier; about 1 in {distinct.Count} by chance when reshuffled");
    }
}
