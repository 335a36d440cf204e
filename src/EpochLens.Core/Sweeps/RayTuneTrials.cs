using EpochLens.Readers.Csv;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Sweeps;

/// <summary>
/// A Ray Tune trial folder holds one history up to three times: result.json (JSON Lines, every reported value),
/// progress.csv (the same rows flattened) and, with the TensorBoard logger, an event file. The trial is one run:
/// result.json is read (else progress.csv), and the other copies are skipped with that reason.
/// </summary>
internal static class RayTuneTrials
{
    private const string Results = "result.json";
    private const string Progress = "progress.csv";
    private const string Parameters = "params.json";

    /// <summary>Formats Ray Tune's own loggers write; a log of another format in the folder (EpochLens telemetry) is no copy.</summary>
    private static readonly HashSet<string> CopyFormats = new(StringComparer.Ordinal) { TensorBoardReader.Default.Format, CsvReader.FormatId, JsonLinesReader.Default.Format, JsonDocumentReader.Default.Format };

    /// <summary>Each log that repeats a trial's history, with the log read for that trial.</summary>
    public static Dictionary<FoundLog, FoundLog> Copies(IReadOnlyList<FoundLog> logs)
    {
        var copies = new Dictionary<FoundLog, FoundLog>();
        foreach (var folder in logs.Where(l => l.Files.Count > 0).GroupBy(l => Path.GetDirectoryName(Path.GetFullPath(l.Files[0])) ?? "", StringComparer.Ordinal))
        {
            var kept = folder.FirstOrDefault(l => IsFile(l, Results)) ?? folder.FirstOrDefault(l => IsFile(l, Progress));
            bool isTrial = kept is not null
                && (File.Exists(Path.Combine(folder.Key, Parameters)) || folder.Any(l => IsFile(l, Results)) && folder.Any(l => IsFile(l, Progress)));
            if (!isTrial) continue;

            // params.json is the trial's configuration: a reader that claims it refuses it on its own.
            foreach (var log in folder.Where(l => !ReferenceEquals(l, kept) && !IsFile(l, Parameters) && CopyFormats.Contains(l.Reader.Format)))
                copies[log] = kept!;
        }

        return copies;
    }

    private static bool IsFile(FoundLog log, string name) =>
        log.Files.Count == 1 && string.Equals(Path.GetFileName(log.Files[0]), name, StringComparison.Ordinal);
}
