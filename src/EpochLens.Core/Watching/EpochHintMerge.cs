namespace EpochLens.Watching;

/// <summary>
/// Joins what a log said about epochs before with what a window of its newer lines says. A window holds only a few
/// epochs, so its epoch length can differ from the whole log's where a reader takes the length from evenly spaced
/// epoch starts (a CSV epoch column); the join then takes the length the whole log's starts give. Where that cannot
/// be told from the starts, it refuses, and the log is read whole.
/// </summary>
internal static class EpochHintMerge
{
    /// <param name="before">The hint of the log read so far.</param>
    /// <param name="window">The hint of the window read now.</param>
    /// <param name="lastStep">The last step read before: the window's starts after it are new.</param>
    /// <param name="merged">The hint of the whole log.</param>
    /// <returns>Why the hints cannot be joined, or null when they were.</returns>
    public static string? TryMerge(EpochHint? before, EpochHint? window, long lastStep, out EpochHint? merged)
    {
        merged = before;
        if (before is null && window is null) return null;

        if (before is null || window is null || before.Origin != window.Origin || before.FirstEpochStart != window.FirstEpochStart
            || (before.EpochStartSteps is null) != (window.EpochStartSteps is null))
        {
            return "what the log says about its epochs changed";
        }

        var starts = before.EpochStartSteps;
        if (starts is not null && window.EpochStartSteps is { } newer)
        {
            var joined = new List<long>(starts);
            joined.AddRange(newer.Where(s => s > lastStep && (joined.Count == 0 || s > joined[^1])));
            starts = joined;
        }

        double? evenBefore = EvenGap(before.EpochStartSteps);
        double? evenNow = EvenGap(starts);
        double? length;
        if (window.StepsPerEpoch == before.StepsPerEpoch)
        {
            // A length that came from evenly spaced starts goes when they stop being even; one may come when they become so.
            if ((before.StepsPerEpoch is double said && said == evenBefore && evenNow != said)
                || (before.StepsPerEpoch is null && evenNow is not null && evenBefore is null))
            {
                return "the epoch starts changed what they say about the epoch length";
            }

            length = before.StepsPerEpoch;
        }
        else if (window.StepsPerEpoch is null && before.StepsPerEpoch is double said && said == evenBefore)
        {
            // The window sees too few epochs to say the length; the whole log's starts do, or no longer do.
            length = evenNow;
        }
        else
        {
            return "the epoch length the log says changed";
        }

        merged = new EpochHint(length, starts, before.Origin, before.FirstEpochStart);
        return null;
    }

    /// <summary>The gap between evenly spaced starts (three or more), or null.</summary>
    private static double? EvenGap(IReadOnlyList<long>? starts)
    {
        if (starts is not { Count: >= 3 }) return null;

        long gap = starts[1] - starts[0];
        for (int i = 2; i < starts.Count; i++)
        {
            if (starts[i] - starts[i - 1] != gap) return null;
        }

        return gap > 0 ? gap : null;
    }
}
