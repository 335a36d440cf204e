using System.Text.Json;
using EpochLens.Logs;
using EpochLens.Readers.Input;
using EpochLens.Readers.Json;
using EpochLens.Settings;

namespace EpochLens.Readers.JsonLines;

/// <summary>
/// A training history saved as one JSON document (*.json) rather than one object per line: an array of per-step
/// objects (<c>json.dump(history)</c>), an object of equal-length arrays (<c>{"step": [...], "loss": [...]}</c>,
/// Keras' <c>history.history</c>), Sacred's <c>metrics.json</c> (<c>{"loss": {"steps": [...], "values": [...]}}</c>),
/// or an object holding one such array of objects. The document is turned into JSON Lines, one object a step, and
/// read by the JSON Lines parser: the same keys, steps, epochs and problems as a .jsonl file.
/// </summary>
public sealed class JsonDocumentReader : ILogReader
{
    public static readonly JsonDocumentReader Default = new();

    /// <summary>A whole document is held in memory to be parsed: larger ones are refused with a clear message.</summary>
    public const long MaxBytes = 512L << 20;

    /// <summary>
    /// Memory a document byte costs while held: the text, the parser's index of it (about 12 bytes a token, one token
    /// for every 3-4 bytes of a history) and the JSON Lines made of it (a gzip bomb of rows read to the 512 MiB cap ran out of a 1.75 GiB heap).
    /// </summary>
    private const int BudgetBytesPerDocumentByte = 16;

    public string Format => "json";

    public string Description => "a training history as one JSON document (*.json: an array of per-step objects, an object of arrays, Sacred's metrics.json)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = Path.GetFileName(path).ToLowerInvariant();
        if (!name.EndsWith(".json", StringComparison.Ordinal) && !name.EndsWith(".json.gz", StringComparison.Ordinal))
        {
            return false;
        }

        var rest = JsonHead.Start(head);
        if (rest.Length < 2)
        {
            return false;
        }

        if (rest[0] == (byte)'[')
        {
            // An array of objects or of numbers.
            var first = JsonHead.SkipSpace(rest[1..]);
            return first.Length > 0 && (first[0] == (byte)'{' || IsNumberStart(first[0]));
        }

        if (rest[0] != (byte)'{')
        {
            return false;
        }

        // The first member's value decides: an array of numbers, or an object of steps and values (Sacred).
        var member = JsonHead.SkipSpace(rest[1..]);
        int colon = member.IndexOf((byte)':');
        if (member.Length == 0 || member[0] != (byte)'"' || colon < 0)
        {
            return false;
        }

        var value = JsonHead.SkipSpace(member[(colon + 1)..]);
        if (value.Length > 1 && value[0] == (byte)'[')
        {
            var element = JsonHead.SkipSpace(value[1..]);
            return element.Length > 0 && (IsNumberStart(element[0]) || element[0] == (byte)'{');
        }

        return value.Length > 1 && value[0] == (byte)'{' && (value.IndexOf("\"steps\""u8) >= 0 || value.IndexOf("\"values\""u8) >= 0);
    }

    public string GroupKey(string path) => path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var logs = new List<TrainingLog>(source.Files.Count);
        foreach (var file in source.Files)
        {
            var lines = ToLines(file, options, problems);
            var name = source.Files.Count == 1 ? source.Name : file;
            logs.Add(JsonLinesParser.Read(file, options, problems, name, Format, () => new MemoryStream(lines, writable: false)));
        }

        return logs;
    }

    private static readonly JsonDocumentOptions Parsing = new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// The objects of a damaged array of per-step objects, each parsed on its own, as JSON Lines; a damaged one is
    /// reported and skipped. Null when the document holds no such array (nothing to recover).
    /// </summary>
    private static byte[]? ElementsOneByOne(byte[] text, ProblemReporter problems)
    {
        var elements = JsonArrayElements.Find(text, out bool ended);
        if (elements.Count == 0)
        {
            return null;
        }

        if (!ended)
        {
            problems.Report($"byte {text.Length}", ProblemKind.Truncated,
                $"the document ends inside its array (cut off while it was written?): the {elements.Count} complete objects before were read");
        }

        var output = new MemoryStream();
        int damaged = 0;
        using var writer = new Utf8JsonWriter(output);
        for (int k = 0; k < elements.Count; k++)
        {
            var (start, length) = elements[k];
            try
            {
                using var element = JsonDocument.Parse(text.AsMemory(start, length), Parsing);
                element.RootElement.WriteTo(writer);
                writer.Flush();
                output.WriteByte((byte)'\n');
                writer.Reset();
            }
            catch (JsonException e)
            {
                damaged++;
                writer.Reset();
                problems.Report($"byte {start}", ProblemKind.Malformed,
                    $"object {k + 1} of the array is not valid JSON ({e.Message}): skipped, the objects around it are read");
            }
        }

        return damaged < elements.Count ? output.ToArray() : null;
    }

    /// <summary>The largest document read whole: <see cref="MaxBytes"/>, or less where the memory budget is small.</summary>
    public static long MaxDocumentBytes(ReadOptions options) =>
        Math.Clamp(options.MemoryBudgetBytes / BudgetBytesPerDocumentByte, 1L << 20, MaxBytes);

    /// <summary>The document as JSON Lines, one object a step.</summary>
    private static byte[] ToLines(string file, ReadOptions options, IProblemSink problems)
    {
        JsonDocument document;
        long maxBytes = MaxDocumentBytes(options);
        byte[] text = [];
        using (var stream = LogFile.Open(file, options))
        using (var bounded = new SizeLimitedStream(stream, maxBytes, throwAtLimit: true))
        {
            try
            {
                using var copy = new MemoryStream();
                bounded.CopyTo(copy);
                text = copy.ToArray();
                document = JsonDocument.Parse(text, Parsing);
            }
            catch (JsonException e)
            {
                // An array of per-step objects with a damaged one: every other object is still read (strict reading fails instead).
                return (options.Strict ? null : ElementsOneByOne(text, new ProblemReporter(file, problems, options.Strict)))
                    ?? throw new LogReadException(file, $"not valid JSON ({e.Message})", e);
            }
            catch (InvalidDataException e)
            {
                throw new LogReadException(file, bounded.LimitReached
                    ? $"larger than {maxBytes >> 20} MiB, the most a single JSON document is read whole "
                        + $"({(maxBytes < MaxBytes ? $"within the memory budget, which {options.Spell(Setting.MemoryBudget)} raises" : "at any memory budget")}); write one object per line (JSON Lines) instead"
                    : $"the compressed content is damaged ({e.Message})", e);
            }
        }

        using (document)
        {
            var output = new MemoryStream();
            using (var writer = new Utf8JsonWriter(output))
            {
                void Line(Action write)
                {
                    write();
                    writer.Flush();
                    output.WriteByte((byte)'\n');
                    writer.Reset();
                }

                var root = document.RootElement;
                if (History(root) is { } rows)
                {
                    foreach (var row in rows.EnumerateArray())
                    {
                        Line(() =>
                        {
                            if (row.ValueKind == JsonValueKind.Object)
                            {
                                row.WriteTo(writer);
                            }
                            else
                            {
                                writer.WriteStartObject();
                                writer.WritePropertyName("loss");
                                row.WriteTo(writer);
                                writer.WriteEndObject();
                            }
                        });
                    }
                }
                else if (root.ValueKind == JsonValueKind.Object && IsSacred(root))
                {
                    foreach (var (step, values) in SacredRows(root))
                    {
                        Line(() =>
                        {
                            writer.WriteStartObject();
                            writer.WriteNumber("step", step);
                            foreach (var (key, value) in values)
                            {
                                writer.WritePropertyName(key);
                                value.WriteTo(writer);
                            }

                            writer.WriteEndObject();
                        });
                    }
                }
                else if (root.ValueKind == JsonValueKind.Object)
                {
                    var columns = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
                    int length = columns.Count == 0 ? 0 : columns.Max(c => c.Value.GetArrayLength());
                    for (int i = 0; i < length; i++)
                    {
                        Line(() =>
                        {
                            writer.WriteStartObject();
                            foreach (var column in columns)
                            {
                                if (i < column.Value.GetArrayLength() && column.Value[i].ValueKind is JsonValueKind.Number or JsonValueKind.String)
                                {
                                    writer.WritePropertyName(column.Name);
                                    column.Value[i].WriteTo(writer);
                                }
                            }

                            writer.WriteEndObject();
                        });
                    }
                }
            }

            return output.ToArray();
        }
    }

    /// <summary>The array of rows: the root itself, or the largest array of objects among the root's members.</summary>
    private static JsonElement? History(JsonElement root)
    {
        if (root.ValueKind == JsonValueKind.Array)
        {
            return root;
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        return root.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0 && p.Value[0].ValueKind == JsonValueKind.Object)
            .Select(p => (JsonElement?)p.Value)
            .MaxBy(v => v!.Value.GetArrayLength());
    }

    /// <summary>Sacred's metrics.json: every member an object with "steps" and "values" arrays.</summary>
    private static bool IsSacred(JsonElement root) =>
        root.EnumerateObject().Any() && root.EnumerateObject().All(p =>
            p.Value.ValueKind == JsonValueKind.Object
            && p.Value.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array
            && p.Value.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array);

    /// <summary>Sacred's metrics merged by step, in step order; a step that is not a whole number is left out.</summary>
    private static SortedDictionary<long, List<(string Key, JsonElement Value)>> SacredRows(JsonElement root)
    {
        var rows = new SortedDictionary<long, List<(string, JsonElement)>>();
        foreach (var metric in root.EnumerateObject())
        {
            var steps = metric.Value.GetProperty("steps");
            var values = metric.Value.GetProperty("values");
            int n = Math.Min(steps.GetArrayLength(), values.GetArrayLength());
            for (int i = 0; i < n; i++)
            {
                if (steps[i].ValueKind == JsonValueKind.Number && steps[i].TryGetInt64(out long step))
                {
                    if (!rows.TryGetValue(step, out var row))
                    {
                        rows[step] = row = [];
                    }

                    row.Add((metric.Name, values[i]));
                }
            }
        }

        return rows;
    }

    private static bool IsNumberStart(byte b) => b is (byte)'-' or (byte)'.' || (b >= (byte)'0' && b <= (byte)'9');
}
