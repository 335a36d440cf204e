namespace EpochLens.Readers.TensorBoard;

/// <summary>What <see cref="TfRecordScanner.Next"/> found; after damage, reading goes on at a valid header.</summary>
internal enum RecordStatus
{
    /// <summary>A record with valid checksums: <see cref="TfRecordScanner.Payload"/> holds it.</summary>
    Record,

    End,

    BadPayloadChecksum,

    /// <summary>A length whose checksum failed: bytes skipped to the next valid header.</summary>
    Resynchronised,

    /// <summary>A length whose checksum failed, and no valid header after it: the rest skipped.</summary>
    FramingLost,

    /// <summary>A length (with a valid checksum) over <see cref="TfRecordScanner.MaxRecordLength"/>: damage.</summary>
    Oversized,

    /// <summary>A length that runs past the end of the stream, with a valid record after its header.</summary>
    LengthPastEnd,

    Truncated,

    LimitReached,
}
