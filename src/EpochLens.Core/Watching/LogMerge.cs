namespace EpochLens.Watching;

/// <summary>
/// Joins a log read so far with a window of it read now (its first lines, the last lines read before, and the new
/// ones). The window's points up to each series' last step must be the points read before, value for value: that is
/// how a window shows it was read as the whole file would be (same columns, same steps, same epoch numbering). Points
/// after are appended. Anything else (a new series, a step that went back, a point read differently, a role that
/// changed) is refused with the reason, and the log is read whole instead.
/// </summary>
internal static class LogMerge
{
    /// <param name="before">The log read so far.</param>
    /// <param name="window">The window's log.</param>
    /// <param name="maxPoints">The most points the log may hold (<see cref="Readers.ReadOptions.MaxPoints"/>).</param>
    /// <param name="merged">The log with the window's new points.</param>
    /// <param name="readOtherwise">The refusal is for points read again that came out otherwise: the window may have been too narrow to settle the layout as the whole file does.</param>
    /// <returns>Why the window cannot be joined, or null when it was.</returns>
    public static string? TryMerge(TrainingLog before, TrainingLog window, long maxPoints, out TrainingLog? merged, out bool readOtherwise)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(window);
        merged = null;
        readOtherwise = false;
        if (before.Format != window.Format) return $"read as {window.Format}, not {before.Format}";

        var newPoints = new Dictionary<string, (MetricSeries Series, int From)>(StringComparer.Ordinal);
        foreach (var series in window.Series)
        {
            if (before.Find(series.Name) is not { } old) return $"a new series '{series.Name}' appeared";

            if (old.Role != series.Role || old.Averaging != series.Averaging || old.HasWallTimes != series.HasWallTimes)
                return $"series '{series.Name}' is read differently now";

            int from = NewFrom(old, series);
            if (from < 0)
            {
                readOtherwise = true;
                return $"series '{series.Name}': the lines read again give other points (a resumed run, or the file rewritten)";
            }

            newPoints[series.Name] = (series, from);
        }

        long total = 0;
        var joined = new List<MetricSeries>(before.Series.Count);
        foreach (var old in before.Series)
        {
            var series = newPoints.TryGetValue(old.Name, out var added) ? Append(old, added.Series, added.From) : old;
            total += series.Count;
            joined.Add(series);
        }

        if (total > maxPoints) return "the memory budget is reached";

        long lastStep = before.Series.Where(s => s.Count > 0).Select(s => s.Steps[^1]).DefaultIfEmpty(long.MinValue).Max();
        if (EpochHintMerge.TryMerge(before.Epochs, window.Epochs, lastStep, out var epochs) is { } refusal)
            return refusal;

        if (!TryMergeSamples(before.Samples, window.Samples, out var samples))
            return "the sample ids read again differ";

        merged = new TrainingLog(before.Source, before.Format, joined, epochs, samples);
        return null;
    }

    /// <summary>
    /// The index of the window's first point after the series' last step, once every point before it was found
    /// unchanged in the series; -1 when one was not.
    /// </summary>
    private static int NewFrom(MetricSeries old, MetricSeries window)
    {
        var steps = old.Steps;
        var values = old.Values;
        long last = old.Count > 0 ? steps[^1] : long.MinValue;
        int i = 0;
        for (; i < window.Count && window.Steps[i] <= last; i++)
        {
            int at = steps.BinarySearch(window.Steps[i]);
            if (at < 0 || BitConverter.DoubleToInt64Bits(values[at]) != BitConverter.DoubleToInt64Bits(window.Values[i]))
                return -1;
        }

        return i;
    }

    private static MetricSeries Append(MetricSeries old, MetricSeries window, int from)
    {
        if (from == window.Count) return old;

        var steps = Join(old.Steps, window.Steps[from..]);
        var values = Join(old.Values, window.Values[from..]);
        var wallTimes = old.HasWallTimes ? Join(old.WallTimes, window.WallTimes[from..]) : null;
        return new MetricSeries(old.Name, steps, values, wallTimes, old.Role, old.Averaging);
    }

    /// <summary>Two spans in one new array: a block copy, since a snapshot of a long log copies millions of points.</summary>
    private static T[] Join<T>(ReadOnlySpan<T> first, ReadOnlySpan<T> second)
        where T : unmanaged
    {
        var joined = GC.AllocateUninitializedArray<T>(first.Length + second.Length);
        first.CopyTo(joined);
        second.CopyTo(joined.AsSpan(first.Length));
        return joined;
    }

    private static bool TryMergeSamples(StepSamples? before, StepSamples? window, out StepSamples? merged)
    {
        merged = before;
        if (window is null) return true;

        if (before is null) return false;

        long last = before.Steps.Count > 0 ? before.Steps[^1] : long.MinValue;
        int from = 0;
        for (; from < window.Steps.Count && window.Steps[from] <= last; from++)
        {
            int at = BinarySearch(before.Steps, window.Steps[from]);
            if (at < 0 || !before.Ids[at].AsSpan().SequenceEqual(window.Ids[from])) return false;
        }

        if (from < window.Steps.Count)
            merged = new StepSamples([.. before.Steps, .. window.Steps.Skip(from)], [.. before.Ids, .. window.Ids.Skip(from)]);

        return true;
    }

    private static int BinarySearch(IReadOnlyList<long> steps, long step)
    {
        int low = 0, high = steps.Count - 1;
        while (low <= high)
        {
            int middle = low + ((high - low) >> 1);
            if (steps[middle] == step) return middle;

            if (steps[middle] < step)
            {
                low = middle + 1;
            }
            else
            {
                high = middle - 1;
            }
        }

        return -1;
    }
}
