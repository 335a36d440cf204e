using System.Text;
using System.Text.Json;
using EpochLens.Sweeps;

namespace EpochLens.Reports.Sweeps;

/// <summary>
/// A sweep as JSON Lines (<c>analyze --output jsonl</c>): one run object a line, as the JSON document's <c>runs</c>
/// holds them, and one <c>{"skipped": {...}}</c> line for each log that gave no diagnosis. <c>summarize</c> reads shards'
/// files back with <see cref="Read"/>.
/// </summary>
public static class SweepJsonLines
{
    /// <summary>The lines for the runs and skipped logs, in the order given, each ending with a newline.</summary>
    public static void Write(TextWriter writer, IEnumerable<RunDiagnosis> runs, IEnumerable<SkippedRun> skipped)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var run in runs)
        {
            writer.Write(JsonReport.RunLine(run));
            writer.Write('\n');
        }

        foreach (var s in skipped)
        {
            writer.Write(JsonReport.SkippedLine(s));
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Reads one file of such lines, adding its runs and skipped logs to the lists. Blank lines are passed over; a line
    /// that is not a run or a skipped log is an <see cref="InvalidDataException"/> naming the file, the line and why.
    /// </summary>
    public static void Read(string file, List<RunDiagnosis> runs, List<SkippedRun> skipped)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(skipped);
        using var reader = new StreamReader(file, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        int number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (string.IsNullOrWhiteSpace(line)) continue;

            try
            {
                using var json = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 });
                var root = json.RootElement;
                if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("skipped", out var s))
                {
                    skipped.Add(ReadSkipped(s));
                }
                else
                {
                    runs.Add(DiagnosisJsonReader.ReadRun(root));
                }
            }
            catch (Exception e) when (e is JsonException or InvalidDataException or ArgumentException)
            {
                throw new InvalidDataException($"{file}, line {number}: not a run of 'epochlens analyze --output jsonl' ({e.Message})", e);
            }
        }
    }

    private static SkippedRun ReadSkipped(JsonElement s)
    {
        if (s.ValueKind != JsonValueKind.Object
            || !s.TryGetProperty("source", out var source) || source.ValueKind != JsonValueKind.String
            || !s.TryGetProperty("reason", out var reason) || reason.ValueKind != JsonValueKind.String)
        {
            throw new InvalidDataException("a skipped entry needs a source and a reason, both strings");
        }

        return new SkippedRun(source.GetString()!, reason.GetString()!);
    }
}
