namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// OpenMMLab text logs: mmengine (MMDetection 3.x and other 2023+ OpenMMLab projects) and mmcv 1.x
/// (MMDetection 2.x), epoch- or iteration-based; "[e][i/N]" gives the epoch length.
/// </summary>
public sealed class MmEngineReader : ConsoleLogReader
{
    public static readonly MmEngineReader Default = new();

    private MmEngineReader()
        : base("mmengine", "MMEngine / MMDetection / mmcv text logs ('Epoch(train) [e][i/N] ... loss: x' lines), mmcv *.log.json and MMEngine vis_data/scalars.json")
    {
    }

    // Real logs open with the environment and config dump, so the logger prefix alone is enough.
    public override bool Recognises(string path, ReadOnlySpan<byte> head) =>
        MmJsonParser.Recognises(path, head)
        || ConsoleLineReader.Segments(head).Exists(s => MmLogPrefix.IsOpenMmLabLine(s) || IsTrainingLine(s));

    private protected override ConsoleLogParser NewParser(string file, ConsoleLogParser.Context context) =>
        MmJsonParser.IsJsonLog(file) ? new MmJsonParser(context) : new MmLogParser(context);

    private static bool IsTrainingLine(string line)
    {
        int at = line.IndexOf(" - INFO - ", StringComparison.Ordinal);
        var message = (at < 0 ? line : line[(at + " - INFO - ".Length)..]).AsSpan().TrimStart();

        // Iter(val) lines are not taken as a sign; "Epoch(train) done" has no counters.
        return MmLogParser.TryOpening(message, out var opening, out var rest) && (opening.ByEpoch
            ? MmLogPrefix.TryBracket(ref rest, out _, out _) && MmLogPrefix.TryBracket(ref rest, out _, out _)
            : !opening.Validation && MmLogPrefix.TryBracket(ref rest, out _, out long? total) && total is not null);
    }
}
