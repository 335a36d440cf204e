namespace EpochLens.Readers.TensorBoard;

/// <summary>What <see cref="TfRecordScanner.Next"/> found; after damage, reading goes on at the next valid header.
/// </summary>
internal enum RecordStatus
{
    /// <summary>A record with valid checksums: <see cref="TfRecordScanner.Payload"/> holds it.</summary>
    Record,

    /// <summary>The stream ended cleanly after the last record.</summary>
    End,

    /// <summary>The payload's checksum failed: the record was skipped.</summary>
    BadPayloadChecksum,

    /// <summary>A length whose checksum failed: the framing was lost; bytes were skipped to a valid header.</summary>
    Resynchronised,

    /// <summary>A length whose checksum failed, and no valid framing after it: the rest was skipped.</summary>
    FramingLost,

    /// <summary>A length (with a valid checksum) over <see cref="TfRecordScanner.MaxRecordLength"/>: damage.</summary>
    Oversized,

    /// <summary>A length that runs past the end of the stream, with a valid record after its header.</summary>
    LengthPastEnd,

    /// <summary>The stream ends inside a record (a killed run): nothing more to read.</summary>
    Truncated,

    /// <summary>The decompressed-size limit was reached: reading stopped.</summary>
    LimitReached,
}
