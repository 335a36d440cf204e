namespace EpochLens.Analysis;

/// <summary>
/// What a series' steps and an epoch length must satisfy before the analysis works on them. Steps come from the
/// log unchecked (a flipped bit in a TensorBoard varint, a 19-digit CSV cell). Steps anywhere in the 64-bit range
/// are analysed exactly (a log beyond ±2^53 is first rebased to its first step, <see cref="StepRebase"/>), but
/// the analysis computes with steps as doubles from there: a span of more than 2^53 steps would merge neighbouring
/// steps, and an epoch far wider than the points could fill would be folded into more positions than memory holds.
/// Each check returns why the input cannot be analysed, or null when it can.
/// </summary>
public static class StepBounds
{
    /// <summary>The longest span of steps analysed: 2^53, beyond which a double no longer holds every whole number.</summary>
    public const long Limit = 1L << 53;

    /// <summary>The steps from first to last of an increasing series, exact even where last - first overflows a long.</summary>
    public static ulong Span(MetricSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return series.Count == 0 ? 0 : unchecked((ulong)(series.Steps[^1] - series.Steps[0]));
    }

    /// <summary>Steps more than 2^53 apart: no training run takes that many steps, so the log is damaged.</summary>
    public static string? SpanTooWide(MetricSeries series)
    {
        ArgumentNullException.ThrowIfNull(series);
        return Span(series) <= Limit
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"series '{series.Name}' has steps from {series.Steps[0]} to {series.Steps[^1]}, more than 2^53 ({Limit:N0}) steps apart, the longest span a training run can be analysed over: the steps are damaged");
    }

    /// <summary>An epoch longer than every step the series covers: no boundary can fall inside the log.</summary>
    public static string? LongerThanLog(MetricSeries series, double stepsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(series);
        if (series.Count == 0 || SpanTooWide(series) is not null) return null;

        double span = (double)Span(series) + 1;
        return stepsPerEpoch <= span
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"an epoch of {stepsPerEpoch:0.##} steps is longer than the whole log ('{series.Name}' covers steps {series.Steps[0]} to {series.Steps[^1]})");
    }

    /// <summary>Positions per epoch the fold always allows, however few the points: its arrays stay a few megabytes.</summary>
    private const int FoldPositions = 1 << 20;

    /// <summary>
    /// An epoch that would be folded into more positions (one per typical gap between logged steps) than the series
    /// has points, and more than <see cref="FoldPositions"/>: each position would hold at most one point, so nothing
    /// inside an epoch could be measured, and the fold's arrays would grow with the epoch length (2^31 steps from a
    /// hostile log) rather than with the log.
    /// </summary>
    public static string? TooWideToFold(MetricSeries series, double stepsPerEpoch)
    {
        ArgumentNullException.ThrowIfNull(series);
        double positions = Math.Ceiling(stepsPerEpoch / SignalPreparation.TypicalStride(series.Steps));
        return positions <= Math.Max(series.Count, FoldPositions)
            ? null
            : string.Create(CultureInfo.InvariantCulture, $"an epoch of {stepsPerEpoch:0.##} steps spans {positions:0} logged positions, more than the {series.Count} points of '{series.Name}': no epoch can be seen whole");
    }
}
