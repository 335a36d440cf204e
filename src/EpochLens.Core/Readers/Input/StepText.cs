using System.Buffers.Text;

namespace EpochLens.Readers.Input;

/// <summary>
/// Reads a step exactly as a 64-bit integer from its text ("12", "12.0", "1.2e1" all read 12), computed in integers:
/// through a double, neighbouring steps beyond 2^53 would merge (20,000 rows at steps 2^62+i became 21 points).
/// </summary>
internal static class StepText
{
    /// <summary>An exponent is clamped here: any nonzero digit scaled further is out of range or a fraction either way.</summary>
    private const int MaxExponent = 100_000;

    /// <summary>Longer text is no step: 19 digits, a sign, a fraction and an exponent fit well within it.</summary>
    private const int MaxCharacters = 128;

    public static StepReading Parse(ReadOnlySpan<byte> text, out long step) => Parse(text, 0, out step, out _);

    /// <summary>The same for characters: ASCII only, as every number is.</summary>
    public static StepReading Parse(ReadOnlySpan<char> text, int shift, out long step, out int decimals)
    {
        Span<byte> ascii = stackalloc byte[MaxCharacters];
        (step, decimals) = (0, 0);
        return text.Length > MaxCharacters || Ascii.FromUtf16(text, ascii, out int written) != OperationStatus.Done
            ? StepReading.NotANumber
            : Parse(ascii[..written], shift, out step, out decimals);
    }

    /// <summary>
    /// Parses trimmed <paramref name="text"/> times 10^<paramref name="shift"/> (<see cref="StepScaling"/>); for a
    /// fraction, <paramref name="decimals"/> is how many more decimal places a shift would need to make it whole.
    /// </summary>
    public static StepReading Parse(ReadOnlySpan<byte> text, int shift, out long step, out int decimals)
    {
        // Plain digits within the range, the usual step, take the runtime's parser.
        decimals = 0;
        if (shift == 0 && Utf8Parser.TryParse(text, out step, out int used) && used == text.Length)
            return StepReading.Whole;

        step = 0;
        bool negative = text is [(byte)'-', ..];
        text = text is [(byte)'-' or (byte)'+', ..] ? text[1..] : text;
        int e = text.IndexOfAny((byte)'e', (byte)'E');
        long exponent = shift;
        if (e >= 0 && !TryExponent(text[(e + 1)..], ref exponent)) return StepReading.NotANumber;

        var mantissa = e >= 0 ? text[..e] : text;
        int point = mantissa.IndexOf((byte)'.');
        var integer = point >= 0 ? mantissa[..point] : mantissa;
        var fraction = point >= 0 ? mantissa[(point + 1)..] : [];
        if (integer.Length + fraction.Length == 0 || integer.ContainsAnyExceptInRange((byte)'0', (byte)'9')
            || fraction.ContainsAnyExceptInRange((byte)'0', (byte)'9'))
        {
            return StepReading.NotANumber;
        }

        // The digits as one string (the point left out), without leading or trailing zeros: digits x 10^scale.
        int count = integer.Length + fraction.Length;
        Span<byte> digits = count <= MaxCharacters ? stackalloc byte[MaxCharacters] : new byte[count];
        integer.CopyTo(digits);
        fraction.CopyTo(digits[integer.Length..]);
        digits = digits[..count].TrimStart((byte)'0');
        if (digits.IsEmpty) return StepReading.Whole; // zero, however written
        long scale = exponent - fraction.Length + (digits.Length - digits.TrimEnd((byte)'0').Length);
        digits = digits.TrimEnd((byte)'0');
        if (scale < 0)
        {
            decimals = (int)Math.Min(int.MaxValue, -scale);
            return StepReading.Fractional;
        }

        // Twenty digits or more are at least 10^19, beyond long's 9.2 x 10^18; nineteen fit a ulong to compare.
        if (digits.Length + scale > 19 || !Utf8Parser.TryParse(digits, out ulong magnitude, out _))
            return StepReading.OutOfRange;

        for (long s = 0; s < scale; s++) magnitude *= 10;
        if (magnitude > (negative ? 1UL << 63 : long.MaxValue)) return StepReading.OutOfRange;
        step = negative ? unchecked((long)(0 - magnitude)) : (long)magnitude;
        return StepReading.Whole;
    }

    /// <summary>
    /// The step (epoch - 1) * length + position of a log that counts within epochs (Keras, OpenMMLab); false when it
    /// or the epoch's end would pass 64 bits.
    /// </summary>
    public static bool TryEpochStep(long epoch, long length, long position, out long step)
    {
        bool fits = epoch >= 1 && length >= 0 && position >= 0
            && epoch - 1 <= (long.MaxValue - Math.Max(length, position)) / Math.Max(1, length);
        step = fits ? ((epoch - 1) * length) + position : 0;
        return fits;
    }

    /// <summary>What a step that is not whole is, for a message.</summary>
    public static string Describe(StepReading reading) => reading switch
    {
        StepReading.Fractional => "not a whole number",
        StepReading.OutOfRange => "beyond the 64-bit step range (±9,223,372,036,854,775,807)",
        _ => "not a number",
    };

    private static bool TryExponent(ReadOnlySpan<byte> text, ref long exponent)
    {
        bool negative = text is [(byte)'-', ..];
        text = text is [(byte)'-' or (byte)'+', ..] ? text[1..] : text;
        if (text.IsEmpty || text.ContainsAnyExceptInRange((byte)'0', (byte)'9')) return false;
        long value = 0;
        foreach (byte digit in text) value = Math.Min(MaxExponent, (value * 10) + (digit - '0'));
        exponent += negative ? -value : value;
        return true;
    }
}
