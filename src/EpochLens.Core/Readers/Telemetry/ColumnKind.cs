namespace EpochLens.Readers.Telemetry;

/// <summary>How the text of a telemetry column is read.</summary>
internal enum ColumnKind
{
    /// <summary>A whole number, read exactly (steps, counts).</summary>
    Whole,

    Real,

    /// <summary>A loss a float model computed: text that is a float's shortest form is read as that float.</summary>
    ModelFloat,

    /// <summary>A double that may be missing (null in JSON, empty in CSV): a norm that was not measured.</summary>
    Optional,

    SampleIds,
}
