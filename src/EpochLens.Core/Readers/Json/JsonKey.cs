using EpochLens.Readers.Series;

namespace EpochLens.Readers.Json;

/// <summary>A key of a file of JSON records (flattened "a/b" where nested), what it is, and the series its numbers go to.</summary>
/// <param name="MayBeStep">A step key (or the one the step column setting names): its numbers are also read exactly as steps.</param>
internal sealed class JsonKey(string name, bool isEpoch, bool mayBeStep)
{
    public string Name { get; } = name;

    public bool IsEpoch { get; } = isEpoch;

    public bool MayBeStep { get; } = mayBeStep;

    public SeriesCollector? Series { get; set; }
}
