namespace EpochLens.Readers.ConsoleLogs;

/// <summary>One series being read, with what the reader learned about it on the way.</summary>
internal sealed class SeriesEntry
{
    public SeriesEntry(string name, bool keepWallTimes) => Builder = new MetricSeriesBuilder(name, keepWallTimes);

    public MetricSeriesBuilder Builder { get; }

    /// <summary>A Keras value seen before the end of its epoch (so the series shows running means).</summary>
    public bool SawMidEpochValue { get; set; }

    /// <summary>Whether the series came from validation lines.</summary>
    public bool IsValidation { get; set; }
}
