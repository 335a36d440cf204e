using static EpochLens.Telemetry.TelemetryFiles;

namespace EpochLens.Readers.Telemetry;

/// <summary>A telemetry folder's files, told apart by their heads; steps.jsonl before steps.csv (no quoting).</summary>
internal sealed record TelemetryFolder(
    string Folder, string? Steps, bool StepsAreCsv, string? Epochs, bool EpochsAreCsv, string? Run)
{
    private static readonly byte[] StepsHeader = Encoding.UTF8.GetBytes(string.Join(',', StepColumns));
    private static readonly byte[] EpochsHeader = Encoding.UTF8.GetBytes(string.Join(',', EpochColumns));

    /// <summary>
    /// From the files given and, as the folder is the log, their siblings with the standard names (pointed at
    /// steps.csv, a user still gets run.json's epoch length).
    /// </summary>
    public static TelemetryFolder Find(string folder, IReadOnlyList<string> given)
    {
        var siblings = new[] { StepsJsonLines, StepsCsv, EpochsJsonLines, EpochsCsv, RunDescription }
            .Select(name => (Name: name, File: Path.Combine(folder, name)))
            .Where(sibling => SpecialFile.IsReadableFile(sibling.File)).ToDictionary();
        var found = new Dictionary<string, string>();
        foreach (var file in given.Concat(siblings.Values))
        {
            if (KindOf(file) is { } kind) found.TryAdd(kind, file);
        }

        var (steps, stepsAreCsv) = Prefer(found, StepsJsonLines, StepsCsv);
        var (epochs, epochsAreCsv) = Prefer(found, EpochsJsonLines, EpochsCsv);

        // A standard-named steps file with a damaged first line, when nothing better is there.
        if (steps is null) (steps, stepsAreCsv) = Prefer(siblings, StepsJsonLines, StepsCsv);
        var run = found.GetValueOrDefault(RunDescription);
        return new TelemetryFolder(folder, steps, stepsAreCsv, epochs, epochsAreCsv, run);
    }

    /// <summary>The standard name of the telemetry file the head is; null for none.</summary>
    public static string? Kind(string path, ReadOnlySpan<byte> head)
    {
        int newline = head.IndexOf((byte)'\n');
        var first = (newline < 0 ? head : head[..newline]).TrimEnd((byte)'\r');
        if (first.SequenceEqual(StepsHeader)) return StepsCsv;
        if (first.SequenceEqual(EpochsHeader)) return EpochsCsv;
        if (first.StartsWith("{"u8) && HasKeys(first, TelemetryLayout.Steps)) return StepsJsonLines;
        if (first.StartsWith("{"u8) && HasKeys(first, TelemetryLayout.Epochs)) return EpochsJsonLines;
        return Path.GetFileName(path) == RunDescription && IsEpochLensRun(head) ? RunDescription : null;
    }

    private static (string? File, bool Csv) Prefer(Dictionary<string, string> files, string jsonLines, string csv) =>
        files.TryGetValue(jsonLines, out var file) ? (file, false) : (files.GetValueOrDefault(csv), true);

    /// <summary>A file that cannot be opened counts as none.</summary>
    private static string? KindOf(string file)
    {
        try
        {
            return Kind(file, FileHead.Read(file));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Whether a one-line object (cut where the head ends) has the layout's keys at its top level.</summary>
    private static bool HasKeys(ReadOnlySpan<byte> line, TelemetryLayout layout)
    {
        int seen = 0;
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: false, default);
            while (reader.Read())
            {
                bool key = reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1;
                if (key && layout.Column(ref reader) is >= 0 and var column) seen |= 1 << column;
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return seen == layout.AllColumns;
    }

    /// <summary>A run.json from the C# harness ("tool": "epochlens") or python/epochlens_telemetry.py.</summary>
    private static bool IsEpochLensRun(ReadOnlySpan<byte> head)
    {
        try
        {
            var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
            while (reader.Read())
            {
                bool key = reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1;
                if (!key || !reader.ValueTextEquals("tool"u8)) continue;
                return reader.Read() && reader.TokenType == JsonTokenType.String
                    && (reader.ValueTextEquals("epochlens"u8) || reader.ValueTextEquals("epochlens-python"u8));
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
