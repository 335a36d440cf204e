namespace EpochLens.Readers.Json;

/// <summary>A JSON value as a number, the non-finite ones as strings (<see cref="BareLiteralQuoter"/>).</summary>
internal static class JsonNumber
{
    public static bool TryGet(ref Utf8JsonReader reader, out double value)
    {
        value = double.NaN;
        return reader.TokenType switch
        {
            // A literal beyond double's range (1e999) parses to infinity rather than failing.
            JsonTokenType.Number => reader.TryGetDouble(out value),
            JsonTokenType.String when !reader.ValueIsEscaped => TryNonFinite(reader.ValueSpan, out value),
            _ => false,
        };
    }

    /// <summary>NaN, Infinity, -Infinity as Python and System.Text.Json spell them.</summary>
    public static bool TryNonFinite(ReadOnlySpan<byte> text, out double value)
    {
        value = text.SequenceEqual("Infinity"u8) ? double.PositiveInfinity
            : text.SequenceEqual("-Infinity"u8) ? double.NegativeInfinity
            : double.NaN;
        return !double.IsNaN(value) || text.SequenceEqual("NaN"u8);
    }

    /// <summary>The number token read exactly as a step times 10^<paramref name="shift"/>; "NaN" is no step.</summary>
    public static StepReading ReadStep(ref Utf8JsonReader reader, int shift, out long step, out int decimals)
    {
        (step, decimals) = (0, 0);
        if (reader.TokenType != JsonTokenType.Number) return StepReading.NotANumber;

        // A number token has no escapes, and the readers read whole spans: its digits are its value span.
        return StepText.Parse(reader.ValueSpan, shift, out step, out decimals);
    }
}
