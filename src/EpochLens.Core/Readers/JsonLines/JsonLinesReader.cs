namespace EpochLens.Readers.JsonLines;

/// <summary>
/// JSON Lines logs: one object per line, usually one per step (custom loggers, W&amp;B history exports,
/// detectron2's metrics.json). Numeric keys become series, nested objects flatten to "a/b".
/// </summary>
public sealed class JsonLinesReader : ILogReader
{
    public static readonly JsonLinesReader Default = new();

    public string Format => "jsonl";

    public string Description => "JSON Lines with one object per step (*.jsonl, *.ndjson, line-delimited *.json)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        var name = LogFile.Name(path).ToLowerInvariant();

        head = TextEncoding.SkipUtf8Mark(head);
        int newline = head.IndexOf((byte)'\n');
        var first = (newline < 0 ? head : head[..newline]).Trim(" \t\r"u8);
        if (name.EndsWith(".jsonl", StringComparison.Ordinal) || name.EndsWith(".ndjson", StringComparison.Ordinal))
            return first.Length > 0 && first[0] == (byte)'{';

        // A .json file is line-delimited only when its first line is a whole object and the next starts another.
        var next = newline < 0 ? [] : head[(newline + 1)..].TrimStart(" \t\r"u8);
        return name.EndsWith(".json", StringComparison.Ordinal) && next is [(byte)'{', ..] && IsWholeObject(first);
    }

    public string GroupKey(string path) => path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        return [.. source.Files.Select(file =>
            JsonLinesParser.Read(file, options, problems, source.NameOf(file), Format))];
    }

    private static bool IsWholeObject(ReadOnlySpan<byte> line)
    {
        byte[] quoted = [];
        try
        {
            var reader = new Utf8JsonReader(BareLiteralQuoter.Quote(line, ref quoted));
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return false;

            reader.Skip();
            return !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
