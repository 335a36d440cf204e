using EpochLens.Logs;

namespace EpochLens.Readers.TensorBoard;

/// <summary>What a run knows about one tag while its event files are read.</summary>
/// <param name="Utf8">The tag's bytes as the events spell it, for lookups without decoding.</param>
/// <param name="Builder">Null when <see cref="ReadOptions.Metric"/> names another tag: values are skipped.</param>
internal sealed record TagState(string Name, byte[] Utf8, MetricSeriesBuilder? Builder)
{
    /// <summary>
    /// Whether the tag's first SummaryMetadata named the "scalars" plugin; null before any metadata.
    /// Only the first counts, as in TensorBoard: writers strip metadata from later values of a tag.
    /// </summary>
    public bool? IsScalarPlugin { get; set; }

    public int Duplicates { get; set; }

    public long FirstDuplicateStep { get; set; }

    public int NonScalarTensors { get; set; }
}
