using System.Text.Json;

namespace EpochLens.Readers.Json;

/// <summary>Reads a JSON value as a number, accepting the non-finite literals as strings (see <see cref="BareLiteralQuoter"/>).</summary>
internal static class JsonNumber
{
    /// <summary>The number at the reader's current token, or false when the token is not a number.</summary>
    public static bool TryGet(ref Utf8JsonReader reader, out double value)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                // A literal beyond double's range (1e999) parses to infinity rather than failing.
                if (reader.TryGetDouble(out value))
                {
                    return true;
                }

                value = double.NaN;
                return false;
            case JsonTokenType.String when !reader.ValueIsEscaped && reader.ValueSpan.Length <= 9:
                return TryNonFinite(reader.ValueSpan, out value);
            default:
                value = double.NaN;
                return false;
        }
    }

    /// <summary>NaN, Infinity, -Infinity as Python and System.Text.Json spell them.</summary>
    public static bool TryNonFinite(ReadOnlySpan<byte> text, out double value)
    {
        if (text.SequenceEqual("NaN"u8))
        {
            value = double.NaN;
        }
        else if (text.SequenceEqual("Infinity"u8))
        {
            value = double.PositiveInfinity;
        }
        else if (text.SequenceEqual("-Infinity"u8))
        {
            value = double.NegativeInfinity;
        }
        else
        {
            value = double.NaN;
            return false;
        }

        return true;
    }

    /// <summary>
    /// The number token at the reader read exactly as a step times 10^<paramref name="shift"/>
    /// (<see cref="StepText.Parse(ReadOnlySpan{byte}, int, out long, out int)"/>); a string ("NaN") is no step.
    /// </summary>
    public static StepReading ReadStep(ref Utf8JsonReader reader, int shift, out long step, out int decimals)
    {
        if (reader.TokenType != JsonTokenType.Number)
        {
            step = 0;
            decimals = 0;
            return StepReading.NotANumber;
        }

        // A number token has no escapes; a value split over buffers is joined first.
        return reader.HasValueSequence
            ? StepText.Parse(System.Buffers.BuffersExtensions.ToArray(reader.ValueSequence), shift, out step, out decimals)
            : StepText.Parse(reader.ValueSpan, shift, out step, out decimals);
    }
}
