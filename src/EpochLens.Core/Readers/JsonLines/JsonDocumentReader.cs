namespace EpochLens.Readers.JsonLines;

/// <summary>
/// A training history as one JSON document: an array of per-step objects (<c>json.dump(history)</c>), an object of
/// arrays (Keras' <c>history.history</c>), Sacred's <c>metrics.json</c> (<c>{"loss": {"steps": [...], "values":
/// [...]}}</c>), or an object holding an array of objects; turned into JSON Lines, one object a step, and read so.
/// </summary>
public sealed class JsonDocumentReader : ILogReader
{
    public static readonly JsonDocumentReader Default = new();

    /// <summary>A document is held whole to be parsed: larger ones are refused.</summary>
    public const long MaxBytes = 512L << 20;

    /// <summary>
    /// A byte held costs the text, the parser's index (12 bytes a token, a token every 3-4 bytes) and the JSON Lines
    /// made of it: a gzip bomb read to the 512 MiB cap ran out of a 1.75 GiB heap.
    /// </summary>
    private const int BudgetBytesPerDocumentByte = 16;

    private static readonly JsonDocumentOptions Parsing =
        new() { MaxDepth = 64, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };

    public string Format => "json";

    public string Description =>
        "a training history as one JSON document (*.json: an array of per-step objects, an object of arrays, Sacred's metrics.json)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        var rest = JsonHead.Start(head);
        bool json = LogFile.Name(path).EndsWith(".json", StringComparison.OrdinalIgnoreCase);
        if (!json || rest.Length < 2 || rest[0] is not ((byte)'[' or (byte)'{')) return false;

        // An array of objects or numbers; else the first member's value: such an array, or Sacred's steps and values.
        var member = JsonHead.SkipSpace(rest[1..]);
        if (rest[0] == (byte)'[') return StartsRow(member);

        int colon = member.IndexOf((byte)':');
        if (member.Length == 0 || member[0] != (byte)'"' || colon < 0) return false;

        var value = JsonHead.SkipSpace(member[(colon + 1)..]);
        return value.Length > 1 && (value[0] == (byte)'[' ? StartsRow(JsonHead.SkipSpace(value[1..]))
            : value[0] == (byte)'{' && (value.IndexOf("\"steps\""u8) >= 0 || value.IndexOf("\"values\""u8) >= 0));
    }

    public string GroupKey(string path) => path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        return [.. source.Files.Select(file => JsonLinesParser.Read(
            file, options, problems, source.NameOf(file), Format, Records(file, options, problems)))];
    }

    /// <summary><see cref="MaxBytes"/>, or less where the memory budget is small.</summary>
    internal static long MaxDocumentBytes(ReadOptions options) =>
        Math.Clamp(options.MemoryBudgetBytes / BudgetBytesPerDocumentByte, 1L << 20, MaxBytes);

    /// <summary>
    /// A JSON document read whole up to <see cref="MaxDocumentBytes"/>, past a byte order mark, bare NaN and Infinity
    /// quoted; cut by the bound or damaged gzip data, it is refused unless <paramref name="keepCut"/> says it may be.
    /// </summary>
    internal static ReadOnlyMemory<byte> ReadWhole(string file, ReadOptions options, ProblemReporter problems,
        bool keepCut)
    {
        long maxBytes = MaxDocumentBytes(options);
        using var raw = LogFile.Open(file, options, out var decompressed);
        using var bounded = new SizeLimitedStream(raw, maxBytes, throwAtLimit: false);
        var copy = new MemoryStream(raw is FileStream plain ? (int)Math.Min(plain.Length, maxBytes) : 0);
        try
        {
            bounded.CopyTo(copy);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            var damaged = $"the compressed data is damaged ({e.Message})";
            if (!keepCut) throw new LogReadException(file, damaged, e);
            problems.Report("", ProblemKind.Truncated, $"{damaged}: reading stopped there");
        }

        var raises = $"{options.Spell(Setting.MemoryBudget)} raises";
        if (decompressed is { LimitReached: true })
        {
            problems.Report("", ProblemKind.LimitReached, decompressed.LimitMessage);
        }
        else if (bounded.LimitReached && keepCut)
        {
            problems.Report("", ProblemKind.LimitReached, $"larger than {maxBytes >> 20} MiB, the most a JSON document "
                + $"is read whole: the entries before that are kept ({raises} it up to {MaxBytes >> 20} MiB)");
        }
        else if (bounded.LimitReached)
        {
            var budget = maxBytes < MaxBytes ? $"within the memory budget, which {raises}" : "at any memory budget";
            throw new LogReadException(file, $"larger than {maxBytes >> 20} MiB, the most a single JSON document is "
                + $"read whole ({budget}); write one object per line (JSON Lines) instead");
        }

        var text = copy.GetBuffer().AsMemory(0, (int)copy.Length);
        text = text[(text.Length - TextEncoding.SkipUtf8Mark(text.Span).Length)..];
        if (!BareLiteralQuoter.MayNeedRewrite(text.Span)) return text;
        byte[] quoted = [];
        int length = BareLiteralQuoter.Quote(text.Span, ref quoted).Length;
        return quoted.AsMemory(0, length);
    }

    /// <summary>The document as JSON Lines; if invalid JSON, its array's objects each read on its own.</summary>
    private static RecordFeed Records(string file, ReadOptions options, IProblemSink sink)
    {
        var text = ReadWhole(file, options, new ProblemReporter(file, sink, options.Strict), keepCut: false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(text, Parsing);
        }
        catch (JsonException e)
        {
            if (options.Strict) throw new LogReadException(file, $"not valid JSON ({e.Message})", e);

            var records = new JsonArrayRecords(null, "object", "objects");
            return (problems, parser) =>
            {
                records.Walk(text.Span, problems, parser);
                if (records.Count == 0) throw new LogReadException(file, $"not valid JSON ({e.Message})", e);
            };
        }

        using (document)
        {
            var lines = Lines(document.RootElement);
            return JsonLinesParser.Lines(() => (new MemoryStream(lines, writable: false), null));
        }
    }

    private static byte[] Lines(JsonElement root)
    {
        var output = new MemoryStream();
        using var writer = new Utf8JsonWriter(output);
        void Line(JsonElement? whole, IEnumerable<(string Key, JsonElement Value)> members)
        {
            whole?.WriteTo(writer);
            if (whole is null)
            {
                writer.WriteStartObject();
                foreach (var (key, value) in members)
                {
                    writer.WritePropertyName(key);
                    value.WriteTo(writer);
                }

                writer.WriteEndObject();
            }

            writer.Flush();
            output.WriteByte((byte)'\n');
            writer.Reset();
        }

        if (History(root) is { } rows)
        {
            foreach (var row in rows.EnumerateArray())
                Line(row.ValueKind == JsonValueKind.Object ? row : null, [("loss", row)]);
        }
        else if (root.ValueKind == JsonValueKind.Object && IsSacred(root))
        {
            foreach (var (step, values) in SacredRows(root))
                Line(null, values.Prepend(("step", JsonSerializer.SerializeToElement(step))));
        }
        else if (root.ValueKind == JsonValueKind.Object)
        {
            // A row per index, of the numbers (or non-finite strings) there.
            var columns = root.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Array).ToList();
            int length = columns.Count == 0 ? 0 : columns.Max(c => c.Value.GetArrayLength());
            for (int i = 0; i < length; i++)
            {
                var cells = columns.Where(c => i < c.Value.GetArrayLength()).Select(c => (c.Name, Value: c.Value[i]));
                Line(null, cells.Where(c => c.Value.ValueKind is JsonValueKind.Number or JsonValueKind.String));
            }
        }

        return output.ToArray();
    }

    /// <summary>The array of rows: the root itself, or the largest array of objects among the root's members.</summary>
    private static JsonElement? History(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Array => root,
        JsonValueKind.Object => root.EnumerateObject()
            .Where(p => p.Value.ValueKind == JsonValueKind.Array && p.Value.GetArrayLength() > 0 && p.Value[0].ValueKind == JsonValueKind.Object)
            .Select(p => (JsonElement?)p.Value)
            .MaxBy(v => v!.Value.GetArrayLength()),
        _ => null,
    };

    /// <summary>Sacred's metrics.json: every member an object with "steps" and "values" arrays.</summary>
    private static bool IsSacred(JsonElement root) =>
        root.EnumerateObject().Any() && root.EnumerateObject().All(p =>
            p.Value.ValueKind == JsonValueKind.Object
            && p.Value.TryGetProperty("steps", out var steps) && steps.ValueKind == JsonValueKind.Array
            && p.Value.TryGetProperty("values", out var values) && values.ValueKind == JsonValueKind.Array);

    /// <summary>Sacred's metrics merged by step, in step order; a step not a whole number is left out.</summary>
    private static SortedDictionary<long, List<(string Key, JsonElement Value)>> SacredRows(JsonElement root)
    {
        var rows = new SortedDictionary<long, List<(string, JsonElement)>>();
        foreach (var metric in root.EnumerateObject())
        {
            var steps = metric.Value.GetProperty("steps");
            var values = metric.Value.GetProperty("values");
            for (int i = 0; i < Math.Min(steps.GetArrayLength(), values.GetArrayLength()); i++)
            {
                if (steps[i].ValueKind != JsonValueKind.Number || !steps[i].TryGetInt64(out long step)) continue;
                if (!rows.TryGetValue(step, out var row)) rows[step] = row = [];

                row.Add((metric.Name, values[i]));
            }
        }

        return rows;
    }

    private static bool StartsRow(ReadOnlySpan<byte> text) =>
        text.Length > 0 && (text[0] is (byte)'{' or (byte)'-' or (byte)'.' || char.IsAsciiDigit((char)text[0]));
}
