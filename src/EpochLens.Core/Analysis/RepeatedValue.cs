namespace EpochLens.Analysis;

/// <summary>
/// A log that sits at one value for most of its points (a loss printed to four decimals that reached 0.0000, or one
/// stuck at a constant): its boundaries compare equal values with equal values, which every length's search would
/// read as agreement. Neither an epoch length nor structure at a given one can be told from it.
/// </summary>
public static class RepeatedValue
{
    /// <summary>The share of the points at the one most common value from which a log tells nothing.</summary>
    public const double MaxShare = 0.5;

    /// <summary>Values looked at, evenly spaced: enough to tell a majority, cheap on ten million points.</summary>
    private const int MaxSample = 65_536;

    /// <summary>Why these values can show neither an epoch length nor structure at a given one, or null when no one value holds most of them.</summary>
    public static string? WhyNothingShows(ReadOnlySpan<double> values)
    {
        int stride = Math.Max(1, values.Length / MaxSample);
        var sample = new List<double>(Math.Min(values.Length, MaxSample + 1));
        for (int i = 0; i < values.Length; i += stride)
        {
            if (double.IsFinite(values[i])) sample.Add(values[i]);
        }

        if (sample.Count == 0) return null;

        sample.Sort();
        int longest = 1, run = 1;
        double mode = sample[0];
        for (int i = 1; i < sample.Count; i++)
        {
            run = sample[i] == sample[i - 1] ? run + 1 : 1;
            if (run > longest)
            {
                longest = run;
                mode = sample[i];
            }
        }

        double share = longest / (double)sample.Count;
        return share < MaxShare
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"the loss is exactly {mode:G6} at {share:P0} of its points (a loss that reached zero at the printed precision, or one stuck), so every boundary compares equal values with equal values.");
    }
}
