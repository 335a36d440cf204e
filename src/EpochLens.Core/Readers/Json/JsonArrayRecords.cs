using EpochLens.Readers.JsonLines;

namespace EpochLens.Readers.Json;

/// <summary>
/// The objects of a JSON document's root array, or of its root object's first array of objects (or of
/// <paramref name="member"/>), and the root object's numbers beside them. A cut file keeps every record before the
/// cut; a damaged record is skipped, reading going on at the next ("}, {" as json.dump writes them).
/// </summary>
/// <param name="one">What a record is called in problems ("log_history entry"); <paramref name="many"/>, several.</param>
internal sealed class JsonArrayRecords(string? member, string one, string many)
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    private readonly string _notUtf8 = $"bytes that are not valid UTF-8: {one} skipped";

    /// <summary>The root object's members that are numbers, as the last walk found them.</summary>
    public Dictionary<string, double> Numbers { get; } = new(StringComparer.Ordinal);

    /// <summary>Whole records the last walk met, parsed or skipped as not UTF-8.</summary>
    public long Count { get; private set; }

    public void Walk(ReadOnlySpan<byte> text, ProblemReporter problems, JsonLinesParser parser)
    {
        // One pass tells a valid document (nearly all) from one whose records must each be checked.
        bool checkUtf8 = !System.Text.Unicode.Utf8.IsValid(text);
        Numbers.Clear();
        Count = 0;
        var state = new JsonReaderState(Options);
        int offset = 0, candidate = -1, arrayDepth = -1;
        bool inArray = false;
        string? name = null;
        while (true)
        {
            var reader = new Utf8JsonReader(text[offset..], isFinalBlock: true, state);
            int good = 0, start = -1;
            var goodState = state;
            try
            {
                while (reader.Read())
                {
                    int depth = reader.CurrentDepth;
                    switch (reader.TokenType)
                    {
                        case JsonTokenType.PropertyName when depth == 1:
                            // As written, escapes and all: never an exception, and only plain names are asked for.
                            name = System.Text.Encoding.UTF8.GetString(reader.ValueSpan);
                            break;
                        case JsonTokenType.StartArray when arrayDepth < 0 && MayHoldRecords(depth, name):
                            candidate = depth;
                            break;
                        case JsonTokenType.EndArray when depth == candidate:
                            candidate = -1;
                            inArray = false;
                            break;
                        case JsonTokenType.StartObject when candidate >= 0 && depth == candidate + 1:
                            (arrayDepth, inArray, start) = (candidate, true, (int)reader.TokenStartIndex);
                            var where = new SourcePosition(one, Count + 1, offset + start);
                            var error = parser.Parse(ref reader); // throws at a cut or damage: not counted then
                            Count++;
                            var record = text.Slice(offset + start, (int)reader.BytesConsumed - start);
                            if (checkUtf8 && !System.Text.Unicode.Utf8.IsValid(record))
                                problems.Report(where.ToString(), ProblemKind.Encoding, _notUtf8);
                            else
                                parser.Add(error, where, cut: false);

                            start = -1;
                            break;
                        case JsonTokenType.Number or JsonTokenType.String when depth == 1 && name is not null:
                            if (JsonNumber.TryGet(ref reader, out double value)) Numbers[name] = value;
                            break;
                    }

                    (good, goodState) = ((int)reader.BytesConsumed, reader.CurrentState);
                }

                return;
            }
            catch (JsonException e)
            {
                // The reader stops at the damage; a cut or a skip goes from the last whole record.
                int at = offset + good, damageAt = offset + Math.Max(good, (int)reader.BytesConsumed);
                var record = new SourcePosition(one, Count + 1, start < 0 ? at : offset + start);
                var where = inArray ? record.ToString() : $"byte {at}";
                var damage = $"not valid JSON at byte {damageAt} or just after ({JsonHead.Reason(e)})";
                if (IsPrefix(text[at..], goodState))
                {
                    var cut = $"the file ends inside the JSON (a killed run?): the {Count} complete {many} before it are kept";
                    problems.Report(where, ProblemKind.Truncated, cut);
                    return;
                }

                int next = inArray ? NextRecord(text[(at + 1)..]) : -1;
                problems.Report(where, ProblemKind.Malformed, next < 0
                    ? $"{damage}: the {Count} complete {many} before it are kept, the rest is not read"
                    : $"{damage}: the {one} is skipped, reading goes on at the next {one}");
                if (next < 0) return;

                (offset, state) = (at + 1 + next, InsideArray(arrayDepth));
            }
        }
    }

    private bool MayHoldRecords(int depth, string? name) => member is null ? depth <= 1 : depth == 1 && name == member;

    /// <summary>Whether the rest is the start of valid JSON: a file cut short.</summary>
    private static bool IsPrefix(ReadOnlySpan<byte> rest, JsonReaderState state)
    {
        try
        {
            var probe = new Utf8JsonReader(rest, isFinalBlock: false, state);
            while (probe.Read()) { }
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>Where the next record starts: a '{' after a '}' and a comma, white space between; -1 when none.</summary>
    private static int NextRecord(ReadOnlySpan<byte> text)
    {
        for (int close = text.IndexOf((byte)'}'); close >= 0;)
        {
            var after = text[(close + 1)..].TrimStart(" \t\r\n"u8);
            var next = after.Length > 1 && after[0] == (byte)',' ? after[1..].TrimStart(" \t\r\n"u8) : [];
            if (next is [(byte)'{', ..]) return text.Length - next.Length;

            int further = text[(close + 1)..].IndexOf((byte)'}');
            close = further < 0 ? -1 : close + 1 + further;
        }

        return -1;
    }

    private static JsonReaderState InsideArray(int depth)
    {
        var opening = depth == 0 ? "["u8 : "{\"a\":["u8;
        var reader = new Utf8JsonReader(opening, isFinalBlock: false, new JsonReaderState(Options));
        while (reader.Read()) { }
        return reader.CurrentState;
    }
}
