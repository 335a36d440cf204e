using System.Text;
using System.Text.Json;
using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>Tells the files of an EpochLens telemetry folder from their first bytes, as <see cref="TelemetryWriter"/> writes them.</summary>
internal static class TelemetryFileDetector
{
    private static readonly byte[] StepsHeader = Encoding.UTF8.GetBytes(string.Join(',', TelemetryFiles.StepColumns));
    private static readonly byte[] EpochsHeader = Encoding.UTF8.GetBytes(string.Join(',', TelemetryFiles.EpochColumns));

    public static TelemetryFileKind Detect(string path, ReadOnlySpan<byte> head)
    {
        int newline = head.IndexOf((byte)'\n');
        var first = (newline < 0 ? head : head[..newline]).TrimEnd((byte)'\r');
        if (first.SequenceEqual(StepsHeader))
        {
            return TelemetryFileKind.StepsCsv;
        }

        if (first.SequenceEqual(EpochsHeader))
        {
            return TelemetryFileKind.EpochsCsv;
        }

        if (first.Length > 0 && first[0] == (byte)'{')
        {
            if (HasKeys(first, TelemetryLayout.Steps))
            {
                return TelemetryFileKind.StepsJsonLines;
            }

            if (HasKeys(first, TelemetryLayout.Epochs))
            {
                return TelemetryFileKind.EpochsJsonLines;
            }
        }

        return Path.GetFileName(path) == TelemetryFiles.RunDescription && IsEpochLensRun(head) ? TelemetryFileKind.RunDescription : TelemetryFileKind.None;
    }

    /// <summary>Whether a one-line object has every one of the layout's keys at its top level.</summary>
    private static bool HasKeys(ReadOnlySpan<byte> line, TelemetryLayout layout)
    {
        int seen = 0;
        try
        {
            var reader = new Utf8JsonReader(line, isFinalBlock: false, default);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && layout.Column(ref reader) is >= 0 and var column)
                {
                    seen |= 1 << column;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return seen == layout.AllColumns;
    }

    /// <summary>
    /// A run.json whose top-level "tool" is "epochlens" (the C# harness) or "epochlens-python" (the Python
    /// recorder, python/epochlens_telemetry.py, which writes the same files from a user's own loop).
    /// </summary>
    private static bool IsEpochLensRun(ReadOnlySpan<byte> head)
    {
        try
        {
            var reader = new Utf8JsonReader(head, isFinalBlock: false, default);
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && reader.ValueTextEquals("tool"u8))
                {
                    return reader.Read() && reader.TokenType == JsonTokenType.String && (reader.ValueTextEquals("epochlens"u8) || reader.ValueTextEquals("epochlens-python"u8));
                }
            }
        }
        catch (JsonException)
        {
        }

        return false;
    }
}
