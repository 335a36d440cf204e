namespace EpochLens.Logs;

/// <summary>
/// Everything read from one log (a file, or a folder that forms one run, such as a TensorBoard run
/// folder's event files): its series, what it says about epochs, and where it came from.
/// </summary>
public sealed class TrainingLog(
    string source, string format, IReadOnlyList<MetricSeries> series, EpochHint? epochs = null, StepSamples? samples = null)
{
    /// <summary>The file or folder read, as the user named it.</summary>
    public string Source { get; } = source;

    /// <summary>The reader's format id, e.g. "tensorboard" or "csv".</summary>
    public string Format { get; } = format;

    public IReadOnlyList<MetricSeries> Series { get; } = series;

    /// <summary>What the log says about epochs, or null when it says nothing.</summary>
    public EpochHint? Epochs { get; } = epochs;

    /// <summary>Which samples each step trained on, when the log records it (EpochLens telemetry).</summary>
    public StepSamples? Samples { get; } = samples;

    /// <summary>
    /// The step the series' steps count from: 0 for a log as read. The analysis works on a log rebased to its first
    /// step when its steps lie beyond ±2^53 (where doubles lose whole numbers); such a log holds that first step
    /// here, and what it says to the user adds it back.
    /// </summary>
    public long StepOrigin { get; init; }

    /// <summary>The series with this exact name, or null.</summary>
    public MetricSeries? Find(string name) => Series.FirstOrDefault(s => s.Name == name);

    /// <summary>The first series with this role, or null.</summary>
    public MetricSeries? Find(SeriesRole role) => Series.FirstOrDefault(s => s.Role == role);
}
