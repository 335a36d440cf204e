namespace EpochLens.Readers.TensorBoard;

/// <summary>How far a followed event file has been read: the start of the first record not yet read.</summary>
internal sealed class EventFileTail(string file)
{
    public string File { get; } = file;

    /// <summary>The byte where the next read starts: always a record boundary, never inside a record.</summary>
    public long Offset { get; set; }

    /// <summary>Records before <see cref="Offset"/>: problem locations count from the file's start.</summary>
    public long Records { get; set; }

    /// <summary>The length at the last poll: bytes past <see cref="Offset"/> are a record being written.</summary>
    public long Length { get; set; }

    /// <summary>Not followed: not an event file, or gzip (a stream that cannot be resumed at an offset).</summary>
    public bool Ignored { get; set; }
}
