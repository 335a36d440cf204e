using System.Globalization;
using System.Text.Json;
using EpochLens.Readers.Json;
using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>
/// Parses the lines of the telemetry files in the fixed format <see cref="TelemetryWriter"/> writes: CSV
/// fields in the layout's column order, or JSON objects with its columns as keys. Each method returns why a
/// line is bad, or null.
/// </summary>
internal static class TelemetryRowParser
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;

    public static string? ParseCsv(TelemetryLayout layout, ReadOnlySpan<byte> line, TelemetryRow row)
    {
        row.Clear();
        Span<Range> fields = stackalloc Range[layout.Count + 1];
        int count = SplitFields(line, fields);
        if (count != layout.Count)
        {
            return $"{count} fields where the header has {layout.Count}";
        }

        // Every number before the sample ids, which come last: a bad number is said before bad ids.
        for (int i = 0; i < layout.Count; i++)
        {
            if (layout.Kinds[i] != ColumnKind.SampleIds && !ParseCsv(line[fields[i]], layout.Kinds[i], i, row))
            {
                return "a field that is not a number";
            }
        }

        int ids = Array.IndexOf(layout.Kinds, ColumnKind.SampleIds);
        return ids < 0 || ParseIds(line[fields[ids]], row) ? null : "sample_ids that are not whole numbers";
    }

    public static string? ParseJson(TelemetryLayout layout, ReadOnlySpan<byte> line, TelemetryRow row)
    {
        row.Clear();
        try
        {
            int seen = 0;
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return "not a JSON object";
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                int column = layout.Column(ref reader);
                if (!reader.Read())
                {
                    break;
                }

                if (column < 0)
                {
                    reader.Skip();
                }
                else if (ReadJson(ref reader, layout.Kinds[column], column, row))
                {
                    seen |= 1 << column;
                }
                else
                {
                    return $"'{layout.Columns[column]}' {layout.BadJsonValue}";
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
            {
                return "the object is not closed properly";
            }

            return seen == layout.AllColumns ? null : "keys of the telemetry format are missing";
        }
        catch (JsonException e)
        {
            return $"not valid JSON ({JsonHead.Reason(e)})";
        }
    }

    /// <summary>Splits on commas into <paramref name="fields"/>; returns the field count (one more than fits means too many).</summary>
    private static int SplitFields(ReadOnlySpan<byte> line, Span<Range> fields)
    {
        int count = 0, start = 0;
        while (count < fields.Length)
        {
            int comma = line[start..].IndexOf((byte)',');
            if (comma < 0)
            {
                fields[count++] = start..line.Length;
                return count;
            }

            fields[count++] = start..(start + comma);
            start += comma + 1;
        }

        return count + 1;
    }

    /// <summary>Numbers as the writer formats them, NaN and ±Infinity included (the invariant culture's symbols).</summary>
    private static bool ParseCsv(ReadOnlySpan<byte> text, ColumnKind kind, int column, TelemetryRow row)
    {
        if (kind == ColumnKind.Whole)
        {
            bool whole = long.TryParse(text, Integer, CultureInfo.InvariantCulture, out long number);
            row.SetWhole(column, number);
            return whole;
        }

        if (kind == ColumnKind.Optional && text.IsEmpty)
        {
            row.SetMissing(column);
            return true;
        }

        bool ok = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value);
        row.SetValue(column, ok && kind == ColumnKind.ModelFloat ? FloatText.Widen(text, value) : value);
        return ok;
    }

    private static bool ReadJson(ref Utf8JsonReader reader, ColumnKind kind, int column, TelemetryRow row)
    {
        switch (kind)
        {
            case ColumnKind.Whole:
                if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out long whole))
                {
                    return false;
                }

                row.SetWhole(column, whole);
                return true;
            case ColumnKind.Optional when reader.TokenType == JsonTokenType.Null:
                row.SetMissing(column);
                return true;
            case ColumnKind.SampleIds:
                return ReadIds(ref reader, row);
            default:
                if (!JsonNumber.TryGet(ref reader, out double value))
                {
                    return false;
                }

                row.SetValue(column, kind == ColumnKind.ModelFloat && reader.TokenType == JsonTokenType.Number ? FloatText.Widen(reader.ValueSpan, value) : value);
                return true;
        }
    }

    private static bool ReadIds(ref Utf8JsonReader reader, TelemetryRow row)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            return false;
        }

        var list = new List<int>(8);
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out int id))
            {
                return false;
            }

            list.Add(id);
        }

        row.SampleIds = [.. list];
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool ParseIds(ReadOnlySpan<byte> text, TelemetryRow row)
    {
        if (text.IsEmpty)
        {
            return true;
        }

        var ids = new int[text.Count((byte)TelemetryFiles.SampleIdSeparator) + 1];
        int i = 0;
        foreach (var range in text.Split((byte)TelemetryFiles.SampleIdSeparator))
        {
            if (!int.TryParse(text[range], Integer, CultureInfo.InvariantCulture, out ids[i++]))
            {
                return false;
            }
        }

        row.SampleIds = ids;
        return true;
    }
}
