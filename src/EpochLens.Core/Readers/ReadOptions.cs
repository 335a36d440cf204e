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

    /// <summary>Read CSV numbers with a decimal comma ("1,5" as 1.5); without it, only unambiguous ones.</summary>
    public bool DecimalComma { get; init; }

    /// <summary>Fail on the first damaged record instead of skipping it and reporting a problem.</summary>
    public bool Strict { get; init; }

    /// <summary>Keep a wall time per point where the log has one (costs 8 bytes a point).</summary>
    public bool KeepWallTimes { get; init; }

    private readonly long? _maxDecompressedBytes;

    /// <summary>The memory the read may fill: it bounds the points held and the bytes decompressed.</summary>
    public long MemoryBudgetBytes { get; init; } = MemoryBudget.DefaultBytes;

    /// <summary>The most points all series of one read hold together; later points are dropped with a problem.</summary>
    public long MaxPoints => MemoryBudgetBytes / MemoryBudget.BytesPerPoint;

    /// <summary>
    /// The most bytes a compressed file may expand to (against gzip bombs). One byte per budget byte is plenty: a point
    /// takes at least 2 bytes of text and 128 of budget, and the limit bounds the time spent on points not kept.
    /// </summary>
    public long MaxDecompressedBytes
    {
        get => _maxDecompressedBytes ?? Math.Min(MemoryBudget.MaxDecompressedBytes, MemoryBudgetBytes);
        init => _maxDecompressedBytes = value;
    }

    /// <summary>Told how many points the read holds so far, as it grows (for progress on long reads).</summary>
    public IProgress<long>? Progress { get; init; }

    /// <summary>The most files a folder read looks at.</summary>
    public int MaxFiles { get; init; } = 10_000;

    /// <summary>How messages spell a setting that would settle what they report (the command line gives its flags).</summary>
    public SettingSpelling Spell { get; init; } = SettingSpellings.Words;

    public static ReadOptions Default { get; } = new();
}
