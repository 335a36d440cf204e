using System.Globalization;
using System.Text.Json;
using EpochLens.Readers.JsonLines;
using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>
/// Parses the lines of the telemetry files in the fixed format <see cref="TelemetryWriter"/> writes: CSV
/// fields in <see cref="TelemetryFiles.StepColumns"/> order, or JSON objects with those keys. Each method
/// returns why a line is bad, or null.
/// </summary>
internal static class TelemetryRowParser
{
    private const NumberStyles Integer = NumberStyles.AllowLeadingSign;
    private const NumberStyles Float = NumberStyles.Float;

    public static string? ParseStepCsv(ReadOnlySpan<byte> line, out StepRow row)
    {
        row = default;
        Span<Range> fields = stackalloc Range[TelemetryFiles.StepColumns.Count + 1];
        int count = SplitFields(line, fields);
        if (count != TelemetryFiles.StepColumns.Count)
        {
            return $"{count} fields where the header has {TelemetryFiles.StepColumns.Count}";
        }

        var ok = ParseLong(line[fields[0]], out row.Step) & ParseLong(line[fields[1]], out row.Epoch) & ParseLong(line[fields[2]], out row.Position)
            & ParseLong(line[fields[3]], out row.BatchSize) & ParseModel(line[fields[4]], out row.Loss) & ParseModel(line[fields[5]], out row.LoggedLoss)
            & ParseDouble(line[fields[6]], out row.LearningRate) & ParseOptional(line[fields[7]], out row.GradNorm, out row.HasGradNorm)
            & ParseOptional(line[fields[8]], out row.UpdateNorm, out row.HasUpdateNorm) & ParseLong(line[fields[9]], out row.OptimizerStep);
        if (!ok)
        {
            return "a field that is not a number";
        }

        return ParseIds(line[fields[10]], out row.SampleIds) ? null : "sample_ids that are not whole numbers";
    }

    public static string? ParseEpochCsv(ReadOnlySpan<byte> line, out EpochRow row)
    {
        row = default;
        Span<Range> fields = stackalloc Range[TelemetryFiles.EpochColumns.Count + 1];
        int count = SplitFields(line, fields);
        if (count != TelemetryFiles.EpochColumns.Count)
        {
            return $"{count} fields where the header has {TelemetryFiles.EpochColumns.Count}";
        }

        var ok = ParseLong(line[fields[0]], out row.Epoch) & ParseLong(line[fields[1]], out row.Steps) & ParseLong(line[fields[2]], out row.LastStep)
            & ParseDouble(line[fields[3]], out row.TrainLoss) & ParseDouble(line[fields[4]], out row.HeldOutLoss) & ParseDouble(line[fields[5]], out row.HeldOutAccuracy);
        return ok ? null : "a field that is not a number";
    }

    public static string? ParseStepJson(ReadOnlySpan<byte> line, out StepRow row)
    {
        row = default;
        row.GradNorm = row.UpdateNorm = double.NaN;
        int seen = 0;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "not a JSON object";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int key = KeyIndex(ref reader, TelemetryFiles.StepColumns);
            if (!reader.Read())
            {
                break;
            }

            bool ok = key switch
            {
                0 => ReadLong(ref reader, out row.Step),
                1 => ReadLong(ref reader, out row.Epoch),
                2 => ReadLong(ref reader, out row.Position),
                3 => ReadLong(ref reader, out row.BatchSize),
                4 => ReadModel(ref reader, out row.Loss),
                5 => ReadModel(ref reader, out row.LoggedLoss),
                6 => JsonNumber.TryGet(ref reader, out row.LearningRate),
                7 => ReadOptional(ref reader, out row.GradNorm, out row.HasGradNorm),
                8 => ReadOptional(ref reader, out row.UpdateNorm, out row.HasUpdateNorm),
                9 => ReadLong(ref reader, out row.OptimizerStep),
                10 => ReadIds(ref reader, out row.SampleIds),
                _ => Skip(ref reader),
            };
            if (!ok)
            {
                return key < 0 ? "a value that cannot be read" : $"'{TelemetryFiles.StepColumns[key]}' is not what the format says";
            }

            if (key >= 0)
            {
                seen |= 1 << key;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return "the object is not closed properly";
        }

        return seen == (1 << TelemetryFiles.StepColumns.Count) - 1 ? null : "keys of the telemetry format are missing";
    }

    public static string? ParseEpochJson(ReadOnlySpan<byte> line, out EpochRow row)
    {
        row = default;
        int seen = 0;
        var reader = new Utf8JsonReader(line);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return "not a JSON object";
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            int key = KeyIndex(ref reader, TelemetryFiles.EpochColumns);
            if (!reader.Read())
            {
                break;
            }

            bool ok = key switch
            {
                0 => ReadLong(ref reader, out row.Epoch),
                1 => ReadLong(ref reader, out row.Steps),
                2 => ReadLong(ref reader, out row.LastStep),
                3 => JsonNumber.TryGet(ref reader, out row.TrainLoss),
                4 => JsonNumber.TryGet(ref reader, out row.HeldOutLoss),
                5 => JsonNumber.TryGet(ref reader, out row.HeldOutAccuracy),
                _ => Skip(ref reader),
            };
            if (!ok)
            {
                return key < 0 ? "a value that cannot be read" : $"'{TelemetryFiles.EpochColumns[key]}' is not a number";
            }

            if (key >= 0)
            {
                seen |= 1 << key;
            }
        }

        if (reader.TokenType != JsonTokenType.EndObject || reader.Read())
        {
            return "the object is not closed properly";
        }

        return seen == (1 << TelemetryFiles.EpochColumns.Count) - 1 ? null : "keys of the telemetry format are missing";
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

    private static int KeyIndex(ref Utf8JsonReader reader, IReadOnlyList<string> keys)
    {
        for (int i = 0; i < keys.Count; i++)
        {
            if (reader.ValueTextEquals(keys[i]))
            {
                return i;
            }
        }

        return -1;
    }

    private static bool Skip(ref Utf8JsonReader reader)
    {
        reader.Skip();
        return true;
    }

    private static bool ReadLong(ref Utf8JsonReader reader, out long value)
    {
        value = 0;
        return reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out value);
    }

    private static bool ReadOptional(ref Utf8JsonReader reader, out double value, out bool has)
    {
        has = reader.TokenType != JsonTokenType.Null;
        if (!has)
        {
            value = double.NaN;
            return true;
        }

        return JsonNumber.TryGet(ref reader, out value);
    }

    private static bool ReadModel(ref Utf8JsonReader reader, out double value)
    {
        if (!JsonNumber.TryGet(ref reader, out value))
        {
            return false;
        }

        if (reader.TokenType == JsonTokenType.Number)
        {
            value = FloatText.Widen(reader.ValueSpan, value);
        }

        return true;
    }

    private static bool ReadIds(ref Utf8JsonReader reader, out int[] ids)
    {
        ids = [];
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

        ids = [.. list];
        return reader.TokenType == JsonTokenType.EndArray;
    }

    private static bool ParseLong(ReadOnlySpan<byte> text, out long value) => long.TryParse(text, Integer, CultureInfo.InvariantCulture, out value);

    /// <summary>Numbers as the writer formats them, NaN and ±Infinity included (the invariant culture's symbols).</summary>
    private static bool ParseDouble(ReadOnlySpan<byte> text, out double value) => double.TryParse(text, Float, CultureInfo.InvariantCulture, out value);

    private static bool ParseModel(ReadOnlySpan<byte> text, out double value)
    {
        if (!ParseDouble(text, out value))
        {
            return false;
        }

        value = FloatText.Widen(text, value);
        return true;
    }

    private static bool ParseOptional(ReadOnlySpan<byte> text, out double value, out bool has)
    {
        has = !text.IsEmpty;
        if (!has)
        {
            value = double.NaN;
            return true;
        }

        return ParseDouble(text, out value);
    }

    private static bool ParseIds(ReadOnlySpan<byte> text, out int[] ids)
    {
        if (text.IsEmpty)
        {
            ids = [];
            return true;
        }

        int count = text.Count((byte)TelemetryFiles.SampleIdSeparator) + 1;
        ids = new int[count];
        int i = 0;
        foreach (var range in text.Split((byte)TelemetryFiles.SampleIdSeparator))
        {
            if (!int.TryParse(text[range], Integer, CultureInfo.InvariantCulture, out ids[i++]))
            {
                return false;
            }
        }

        return true;
    }
}
