using EpochLens.Logs;

namespace EpochLens.Readers.JsonLines;

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
        if (epochs is null || epochs.Count == 0)
        {
            return null;
        }

        var steps = epochs.Steps;
        var values = epochs.Values;
        bool whole = true;
        foreach (var v in values)
        {
            if (double.IsFinite(v) && v != Math.Floor(v))
            {
                whole = false;
                break;
            }
        }

        if (whole)
        {
            var starts = new List<long>();
            double previous = double.NaN;
            for (int i = 0; i < values.Length; i++)
            {
                if (double.IsFinite(values[i]) && !(values[i] <= previous))
                {
                    starts.Add(steps[i]);
                    previous = values[i];
                }
            }

            return starts.Count > 1 ? new EpochHint(null, starts, origin) : null;
        }

        double? perEpoch = StepsPerEpochFromFraction(steps, values);
        return perEpoch is null ? null : new EpochHint(perEpoch, null, origin);
    }

    /// <summary>Step / epoch at the largest fractional epoch value, where rounding of the logged epoch matters least.</summary>
    public static double? StepsPerEpochFromFraction(ReadOnlySpan<long> steps, ReadOnlySpan<double> epochs)
    {
        int best = -1;
        for (int i = 0; i < epochs.Length; i++)
        {
            if (double.IsFinite(epochs[i]) && epochs[i] > 0 && steps[i] > 0 && (best < 0 || epochs[i] > epochs[best]))
            {
                best = i;
            }
        }

        return best < 0 ? null : steps[best] / epochs[best];
    }
}
