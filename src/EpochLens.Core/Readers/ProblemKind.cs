namespace EpochLens.Readers;

/// <summary>The kinds of damage or oddity a reader reports instead of failing.</summary>
public enum ProblemKind
{
    /// <summary>The file ends inside a record or line (a killed run): everything before it is kept.</summary>
    Truncated,

    /// <summary>A record's checksum does not match: the record is skipped.</summary>
    BadChecksum,

    /// <summary>A record or line that cannot be decoded: skipped.</summary>
    Malformed,

    /// <summary>A value that is not a number where one is expected.</summary>
    BadValue,

    /// <summary>A NaN or infinite value: kept, and flagged.</summary>
    NonFinite,

    /// <summary>Steps went back: treated as a resumed run whose later points supersede older ones.</summary>
    StepsWentBack,

    /// <summary>A step repeated: the later value replaced the earlier one.</summary>
    DuplicateStep,

    /// <summary>A row with more or fewer fields than the header.</summary>
    RaggedRow,

    /// <summary>Bytes that are not valid UTF-8.</summary>
    Encoding,

    /// <summary>A limit was reached (file count, decompressed size): reading stopped there.</summary>
    LimitReached,

    /// <summary>A file or part of it that no reader handles was skipped.</summary>
    Skipped,

    /// <summary>The log lacks something the reader needs (a step column): it assumed what the message says. Not damage.</summary>
    Assumed,
}
