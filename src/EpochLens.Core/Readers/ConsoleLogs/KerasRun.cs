namespace EpochLens.Readers.ConsoleLogs;

/// <summary>What one Keras <c>fit</c> call in a console log has shown so far.</summary>
internal sealed class KerasRun(ReadOptions options)
{
    public SeriesSet Series { get; } = new(options);

    /// <summary>What the k in "k/N" counts: "step" (batches) or "sample" (TF1 "Train on N samples").</summary>
    public string Unit { get; set; } = "step";

    /// <summary>The first known N of "k/N": the epoch length in <see cref="Unit"/>s.</summary>
    public long? StepsPerEpoch { get; set; }

    /// <summary>Set when the log shows one line per epoch with no "k/N" counter (TF1 verbose=2): steps are epochs.</summary>
    public bool EpochsAreSteps { get; set; }

    /// <summary>The epoch being shown (1-based), or null before the first.</summary>
    public int? Epoch { get; set; }

    /// <summary>Whether the current epoch may still show progress (its final k == N line not seen yet).</summary>
    public bool EpochOpen { get; set; }

    /// <summary>Whether the last progress line read closed the epoch (so a redraw of it is still the epoch's).</summary>
    public bool JustClosed { get; set; }

    /// <summary>The step before the current epoch's first, once known.</summary>
    public long? EpochOrigin { get; set; }

    /// <summary>N of the current epoch's progress bar (null for "Unknown").</summary>
    public long? EpochTarget { get; set; }

    /// <summary>The last k shown in the current epoch.</summary>
    public long LastPosition { get; set; }

    /// <summary>The largest step recorded in this run.</summary>
    public long LastStep { get; set; }

    public SortedSet<long> EpochStarts { get; } = [];

    public bool HasEpochs => Epoch is not null;

    public EpochHint? Hint() => EpochsAreSteps
        ? new EpochHint(1, [.. EpochStarts], "Keras per-epoch lines (no 'k/N' counter): one step per epoch")
        : StepsPerEpoch is { } n ? new EpochHint(n, [.. EpochStarts], HintOrigin) : null;

    private string HintOrigin =>
        Unit == "sample" ? "Keras progress 'k/N' (k counts samples, not batches)" : "Keras progress 'k/N'";
}
