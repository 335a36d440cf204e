namespace EpochLens.Readers.Input;

/// <summary>Where a record is in its file; formatted only when a problem is reported, so passing it costs nothing.</summary>
/// <param name="Unit">What is counted: "line", "log_history entry".</param>
/// <param name="Offset">Byte offset of the record's start (in the decompressed content for gzip files).</param>
internal readonly record struct SourcePosition(string Unit, long Index, long Offset)
{
    public override string ToString() => $"{Unit} {Index} at byte {Offset}";
}
