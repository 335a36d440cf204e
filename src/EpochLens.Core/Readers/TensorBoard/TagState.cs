namespace EpochLens.Readers.TensorBoard;

/// <summary>What a run knows about one tag while its event files are read.</summary>
internal sealed class TagState(string name, byte[] utf8, MetricSeriesBuilder? builder)
{
    public string Name { get; } = name;

    /// <summary>The tag's bytes as the events spell it, for lookups without decoding.</summary>
    public byte[] Utf8 { get; } = utf8;

    /// <summary>Null when <see cref="ReadOptions.Metric"/> names another tag: values are skipped.</summary>
    public MetricSeriesBuilder? Builder { get; } = builder;

    /// <summary>Whether the tag's first SummaryMetadata (writers strip later ones) named "scalars".</summary>
    public bool? IsScalarPlugin { get; set; }

    public int Duplicates { get; set; }

    public long FirstDuplicateStep { get; set; }

    public int NonScalarTensors { get; set; }
}
