namespace EpochLens.Readers;

/// <summary>How to read a log. The defaults read any supported log with format detection.</summary>
public sealed record ReadOptions
{
    /// <summary>A format id ("tensorboard", "csv", ...) to use instead of detection.</summary>
    public string? Format { get; init; }

    /// <summary>Read only this metric (a TensorBoard tag, a CSV column, a JSON key); null reads every one.</summary>
    public string? Metric { get; init; }

    /// <summary>The CSV column or JSON key holding the step, instead of detecting it.</summary>
    public string? StepColumn { get; init; }

    /// <summary>The CSV column or JSON key holding the epoch, instead of detecting it.</summary>
    public string? EpochColumn { get; init; }

    /// <summary>
    /// Read CSV numbers with a decimal comma ("1,5" as 1.5). Without it, such numbers are read where they are
    /// unambiguous (cells split by ';' or tabs, and not a thousands group), with a note.
    /// </summary>
    public bool DecimalComma { get; init; }

    /// <summary>Fail on the first damaged record instead of skipping it and reporting a problem.</summary>
    public bool Strict { get; init; }

    /// <summary>Keep a wall time per point where the log has one (costs 8 bytes a point).</summary>
    public bool KeepWallTimes { get; init; }

    /// <summary>The most bytes a compressed file may expand to: protects against gzip bombs.</summary>
    public long MaxDecompressedBytes { get; init; } = 16L << 30;

    /// <summary>The most files a folder read looks at.</summary>
    public int MaxFiles { get; init; } = 10_000;

    public static ReadOptions Default { get; } = new();
}
