namespace EpochLens.Readers.Json;

/// <summary>A key of a file of JSON records (flattened "a/b" where nested) and the series its numbers go to.</summary>
/// <param name="MayBeStep">A step key (or the step column set): its numbers are also read exactly as steps.</param>
internal sealed record JsonKey(string Name, bool IsEpoch, bool MayBeStep)
{
    public SeriesCollector? Series { get; set; }
}
