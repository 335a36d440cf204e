using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>A line of a telemetry file, CSV or JSON, read column by column; reused for every line of a file.</summary>
internal sealed class TelemetryLine(TelemetryLayout layout)
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;

    /// <summary>The whole-number columns exactly (a step past 2^53 stays itself).</summary>
    public long[] Whole { get; } = new long[layout.Count];

    /// <summary>The numeric columns as a series takes them; null for an optional norm that was not measured.</summary>
    public double?[] Values { get; } = new double?[layout.Count];

    public int[] SampleIds { get; private set; } = [];

    /// <summary>Returns why the line is bad, or null.</summary>
    public string? ParseCsv(ReadOnlySpan<byte> line)
    {
        int count = line.Count((byte)',') + 1;
        if (count != layout.Count) return $"{count} fields where the header has {layout.Count}";
        var fields = line.Split((byte)',');
        for (int column = 0; fields.MoveNext(); column++)
        {
            // The sample ids come last, so a bad number is said before bad ids.
            if (Set(column, line[fields.Current])) continue;
            bool ids = layout.Kinds[column] == ColumnKind.SampleIds;
            return ids ? "sample_ids that are not whole numbers" : "a field that is not a number";
        }

        return null;
    }

    /// <summary>Returns why the line is bad, or null.</summary>
    public string? ParseJson(ReadOnlySpan<byte> line)
    {
        try
        {
            int seen = 0, keys = 0;
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return "not a JSON object";
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int column = layout.Column(ref reader, keys++);
                reader.Read();
                if (column < 0) reader.Skip();
                else if (SetJson(column, ref reader)) seen |= 1 << column;
                else return $"'{layout.Columns[column]}' {layout.BadJsonValue}";
            }

            bool closed = reader.TokenType == JsonTokenType.EndObject && !reader.Read();
            if (!closed) return "the object is not closed properly";
            return seen == layout.AllColumns ? null : "keys of the telemetry format are missing";
        }
        catch (JsonException e)
        {
            return $"not valid JSON ({JsonHead.Reason(e)})";
        }
    }

    /// <summary>A field as its column's kind; numbers as the writer formats them, NaN and ±Infinity too.</summary>
    private bool Set(int column, ReadOnlySpan<byte> text)
    {
        var kind = layout.Kinds[column];
        if (kind == ColumnKind.SampleIds) return ParseIds(text);
        if (kind == ColumnKind.Whole)
        {
            bool whole = long.TryParse(text, Integer, CultureInfo.InvariantCulture, out Whole[column]);
            Values[column] = Whole[column];
            return whole;
        }

        bool missing = kind == ColumnKind.Optional && text.IsEmpty;
        bool ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        Values[column] = missing ? null : ok && kind == ColumnKind.ModelFloat ? Widen(text, value) : value;
        return ok || missing;
    }

    /// <summary>A JSON value read as the CSV field of its text ("NaN" strings, null empty); ids an array.</summary>
    private bool SetJson(int column, ref Utf8JsonReader reader) => reader.TokenType switch
    {
        _ when layout.Kinds[column] == ColumnKind.SampleIds =>
            reader.TokenType == JsonTokenType.StartArray && ReadIds(ref reader),
        JsonTokenType.Number => Set(column, reader.ValueSpan),
        JsonTokenType.String => !reader.ValueIsEscaped && JsonNumber.TryNonFinite(reader.ValueSpan, out _)
            && Set(column, reader.ValueSpan),
        JsonTokenType.Null => Set(column, []),
        _ => false,
    };

    private bool ReadIds(ref Utf8JsonReader reader)
    {
        var ids = new List<int>(8);
        while (reader.Read() && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out int id)) ids.Add(id);
        SampleIds = [.. ids];
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private bool ParseIds(ReadOnlySpan<byte> text)
    {
        const byte separator = (byte)TelemetryFiles.SampleIdSeparator;
        SampleIds = text.IsEmpty ? [] : new int[text.Count(separator) + 1];
        var ids = text.Split(separator);
        for (int i = 0; i < SampleIds.Length && ids.MoveNext(); i++)
        {
            if (!int.TryParse(text[ids.Current], Integer, CultureInfo.InvariantCulture, out SampleIds[i])) return false;
        }

        return true;
    }

    /// <summary>
    /// The writer prints a float's value in the float's shortest form ("2.3025851"), which as a double is not that
    /// float. Text cannot tell a float from a short double (0.1f and 0.1 both print "0.1"), so only loss and
    /// logged_loss, which a float model computes, take a float's shortest form as that float, and read back equal to
    /// what was recorded; other columns read as the nearest double (6e-8 relative off at most).
    /// </summary>
    private static double Widen(ReadOnlySpan<byte> text, double parsed)
    {
        var invariant = CultureInfo.InvariantCulture;
        if (text.Length > 16 || !double.IsFinite(parsed)
            || !float.TryParse(text, NumberStyles.Float, invariant, out float single) || single == parsed)
        {
            return parsed;
        }

        Span<byte> shortest = stackalloc byte[32];
        return single.TryFormat(shortest, out int written, "R", invariant) && shortest[..written].SequenceEqual(text)
            ? single : parsed;
    }
}
