namespace EpochLens.Logs;

/// <summary>How each logged value was averaged, when the log says so (a Keras progress bar shows the epoch's running mean).</summary>
public enum AveragingKind
{
    /// <summary>The log does not say; usually the value of the step itself.</summary>
    Unknown,

    /// <summary>The value of the step (or batch) itself.</summary>
    PerStep,

    /// <summary>The mean of all steps of the current epoch so far, reset at every epoch.</summary>
    RunningMeanSinceEpochStart,

    /// <summary>The mean over the last <see cref="ValueAveraging.Window"/> steps (a logging interval).</summary>
    MovingWindow,

    /// <summary>One value per epoch: the epoch's mean.</summary>
    EpochMean,
}

/// <summary>How a series' values were averaged, with the window when there is one.</summary>
/// <param name="Kind">The kind of averaging.</param>
/// <param name="Window">Steps averaged per value, for <see cref="AveragingKind.MovingWindow"/>.</param>
/// <param name="Evidence">Where the reader learned it, e.g. "Keras progress lines show the epoch's running mean".</param>
public sealed record ValueAveraging(AveragingKind Kind, int? Window = null, string? Evidence = null)
{
    public static ValueAveraging Unknown { get; } = new(AveragingKind.Unknown);

    public static ValueAveraging PerStep { get; } = new(AveragingKind.PerStep);
}
