namespace EpochLens.Logs;

/// <summary>What <see cref="MetricSeriesBuilder.Add"/> did with a point, so a reader can report irregular steps.</summary>
public enum StepOrder
{
    /// <summary>The step was past the last one: appended.</summary>
    Appended,

    /// <summary>The step equalled the last one: the new value replaced the old.</summary>
    ReplacedDuplicate,

    /// <summary>
    /// The step went back: treated as a resumed run, whose points from that step on supersede the older
    /// ones (as TensorBoard does); <see cref="MetricSeriesBuilder.LastRemoved"/> says how many were dropped.
    /// </summary>
    Restarted,

    /// <summary>The read's <see cref="PointBudget"/> was used up: the point was not kept.</summary>
    Dropped,
}
