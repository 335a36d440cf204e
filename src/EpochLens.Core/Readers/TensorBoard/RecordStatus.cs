namespace EpochLens.Readers.TensorBoard;

/// <summary>What <see cref="TfRecordScanner.Next"/> found.</summary>
internal enum RecordStatus
{
    /// <summary>A record with valid checksums: <see cref="TfRecordScanner.Payload"/> holds it.</summary>
    Record,

    /// <summary>The stream ended cleanly after the last record.</summary>
    End,

    /// <summary>The payload's checksum failed: the record was skipped, reading goes on.</summary>
    BadPayloadChecksum,

    /// <summary>
    /// A length whose checksum failed: the framing was lost, and bytes were skipped up to the next
    /// position whose length checksum holds (<see cref="TfRecordScanner.SkippedBytes"/>). Reading goes on there.
    /// </summary>
    Resynchronised,

    /// <summary>A length whose checksum failed, and no valid framing after it: the rest was skipped.</summary>
    FramingLost,

    /// <summary>A record longer than <see cref="TfRecordScanner.MaxRecordLength"/>: skipped unread.</summary>
    Oversized,

    /// <summary>The stream ends inside a record (a killed run): nothing more to read.</summary>
    Truncated,

    /// <summary>The decompressed-size limit was reached: reading stopped.</summary>
    LimitReached,
}
