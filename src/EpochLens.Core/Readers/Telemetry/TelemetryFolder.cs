using EpochLens.Readers.Input;
using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>The files of one telemetry folder to read: steps.jsonl before steps.csv (it holds the same, and no quoting).</summary>
internal sealed record TelemetryFolder(string Folder, string? Steps, TelemetryFileKind StepsKind, string? Epochs, TelemetryFileKind EpochsKind, string? Run)
{
    /// <summary>
    /// Picks the files from those given and, because the folder is the log, from their siblings with the
    /// standard names (a user who points at steps.csv still gets run.json's epoch length).
    /// </summary>
    public static TelemetryFolder Find(string folder, IReadOnlyList<string> given)
    {
        var found = new Dictionary<TelemetryFileKind, string>();
        foreach (var file in given)
        {
            var kind = KindOf(file);
            if (kind != TelemetryFileKind.None)
            {
                found.TryAdd(kind, file);
            }
        }

        // Siblings count when their content says what they are; a standard-named file with a damaged
        // first line is still the folder's only steps file when nothing better is there.
        foreach (var name in StandardNames)
        {
            var path = Path.Combine(folder, name);
            if (SpecialFile.IsReadableFile(path) && !given.Contains(path))
            {
                var kind = KindOf(path);
                if (kind != TelemetryFileKind.None)
                {
                    found.TryAdd(kind, path);
                }
            }
        }

        if (!found.ContainsKey(TelemetryFileKind.StepsJsonLines) && !found.ContainsKey(TelemetryFileKind.StepsCsv))
        {
            foreach (var (name, kind) in new[] { (TelemetryFiles.StepsJsonLines, TelemetryFileKind.StepsJsonLines), (TelemetryFiles.StepsCsv, TelemetryFileKind.StepsCsv) })
            {
                if (SpecialFile.IsReadableFile(Path.Combine(folder, name)))
                {
                    found.TryAdd(kind, Path.Combine(folder, name));
                }
            }
        }

        var (steps, stepsKind) = Prefer(found, TelemetryFileKind.StepsJsonLines, TelemetryFileKind.StepsCsv);
        var (epochs, epochsKind) = Prefer(found, TelemetryFileKind.EpochsJsonLines, TelemetryFileKind.EpochsCsv);
        return new TelemetryFolder(folder, steps, stepsKind, epochs, epochsKind, found.GetValueOrDefault(TelemetryFileKind.RunDescription));
    }

    private static readonly string[] StandardNames =
    [
        TelemetryFiles.StepsJsonLines, TelemetryFiles.StepsCsv, TelemetryFiles.EpochsJsonLines, TelemetryFiles.EpochsCsv, TelemetryFiles.RunDescription,
    ];

    private static (string?, TelemetryFileKind) Prefer(Dictionary<TelemetryFileKind, string> found, TelemetryFileKind first, TelemetryFileKind second) =>
        found.TryGetValue(first, out var a) ? (a, first) : found.TryGetValue(second, out var b) ? (b, second) : (null, TelemetryFileKind.None);

    /// <summary>The kind from the file's head; a file that cannot be opened counts as none.</summary>
    private static TelemetryFileKind KindOf(string file)
    {
        try
        {
            return TelemetryFileDetector.Detect(file, FileHead.Read(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return TelemetryFileKind.None;
        }
    }
}
