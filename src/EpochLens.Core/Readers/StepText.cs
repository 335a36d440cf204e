namespace EpochLens.Readers;

/// <summary>
/// Reads a step exactly as a 64-bit integer from its text. Going through a double would merge neighbouring steps
/// beyond 2^53 (20,000 rows at steps 2^62+i became 21 points), so the digits are taken as written: an optional
/// sign, digits, an optional fraction and an optional exponent ("12", "12.0", "1.2e1" all read 12), the value
/// computed in integers and refused only when it has a fraction or leaves the 64-bit range.
/// </summary>
internal static class StepText
{
    /// <summary>An exponent is clamped here: any nonzero digit scaled further is out of range or a fraction either way.</summary>
    private const int MaxExponent = 100_000;

    /// <summary>Longer text is no step: 19 digits, a sign, a fraction and an exponent fit well within it.</summary>
    private const int MaxCharacters = 128;

    /// <summary>Parses <paramref name="text"/> (already trimmed); <paramref name="step"/> is set only for <see cref="StepReading.Whole"/>.</summary>
    public static StepReading Parse(ReadOnlySpan<byte> text, out long step) => Parse(text, 0, out step, out _);

    /// <summary>The same for text read as characters (the CSV reader's cells): ASCII only, as every number is.</summary>
    public static StepReading Parse(ReadOnlySpan<char> text, int shift, out long step, out int decimals)
    {
        Span<byte> ascii = stackalloc byte[MaxCharacters];
        if (text.Length > MaxCharacters || System.Text.Ascii.FromUtf16(text, ascii, out int written) != System.Buffers.OperationStatus.Done)
        {
            step = 0;
            decimals = 0;
            return StepReading.NotANumber;
        }

        return Parse(ascii[..written], shift, out step, out decimals);
    }

    /// <summary>
    /// Parses <paramref name="text"/> (already trimmed) multiplied by 10^<paramref name="shift"/> (a column of
    /// half-epoch marks read x10, see <see cref="StepScaling"/>). For <see cref="StepReading.Fractional"/>,
    /// <paramref name="decimals"/> is how many more decimal places a shift would need to make it whole.
    /// </summary>
    public static StepReading Parse(ReadOnlySpan<byte> text, int shift, out long step, out int decimals)
    {
        step = 0;
        decimals = 0;
        int i = 0, n = text.Length;
        bool negative = false;
        if (i < n && text[i] is (byte)'+' or (byte)'-')
        {
            negative = text[i] == (byte)'-';
            i++;
        }

        int integerStart = i;
        while (i < n && IsDigit(text[i]))
        {
            i++;
        }

        int integerEnd = i, fractionStart = i, fractionEnd = i;
        if (i < n && text[i] == (byte)'.')
        {
            fractionStart = ++i;
            while (i < n && IsDigit(text[i]))
            {
                i++;
            }

            fractionEnd = i;
        }

        int integerDigits = integerEnd - integerStart;
        if (integerDigits + (fractionEnd - fractionStart) == 0)
        {
            return StepReading.NotANumber;
        }

        long exponent = 0;
        if (i < n && text[i] is (byte)'e' or (byte)'E')
        {
            i++;
            bool negativeExponent = false;
            if (i < n && text[i] is (byte)'+' or (byte)'-')
            {
                negativeExponent = text[i] == (byte)'-';
                i++;
            }

            int exponentStart = i;
            for (; i < n && IsDigit(text[i]); i++)
            {
                exponent = Math.Min(MaxExponent, (exponent * 10) + (text[i] - '0'));
            }

            if (i == exponentStart)
            {
                return StepReading.NotANumber;
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        exponent += shift;

        if (i != n)
        {
            return StepReading.NotANumber;
        }

        // The digits as one string (the point left out): the value is digits[first..last] x 10^scale.
        int total = integerDigits + (fractionEnd - fractionStart);
        int first = 0;
        while (first < total && DigitAt(text, integerStart, integerDigits, fractionStart, first) == (byte)'0')
        {
            first++;
        }

        if (first == total)
        {
            return StepReading.Whole; // zero, however written
        }

        int last = total - 1;
        while (DigitAt(text, integerStart, integerDigits, fractionStart, last) == (byte)'0')
        {
            last--;
        }

        long scale = integerDigits - (last + 1) + exponent;
        if (scale < 0)
        {
            decimals = (int)Math.Min(int.MaxValue, -scale);
            return StepReading.Fractional;
        }

        // Twenty digits or more are at least 10^19, beyond long's 9.2 x 10^18; nineteen fit a ulong to compare.
        long width = last - first + 1 + scale;
        if (width > 19)
        {
            return StepReading.OutOfRange;
        }

        ulong magnitude = 0;
        for (int k = first; k <= last; k++)
        {
            magnitude = (magnitude * 10) + (uint)(DigitAt(text, integerStart, integerDigits, fractionStart, k) - '0');
        }

        for (long s = 0; s < scale; s++)
        {
            magnitude *= 10;
        }

        if (magnitude > (negative ? 1UL << 63 : long.MaxValue))
        {
            return StepReading.OutOfRange;
        }

        step = negative ? unchecked((long)(0 - magnitude)) : (long)magnitude;
        return StepReading.Whole;
    }

    /// <summary>What a step that is not <see cref="StepReading.Whole"/> is, for a message: "not a whole number", "beyond the 64-bit range", "not a number".</summary>
    public static string Describe(StepReading reading) => reading switch
    {
        StepReading.Fractional => "not a whole number",
        StepReading.OutOfRange => "beyond the 64-bit step range (±9,223,372,036,854,775,807)",
        _ => "not a number",
    };

    /// <summary>The <paramref name="k"/>th digit of the integer and fraction digits read as one string.</summary>
    private static byte DigitAt(ReadOnlySpan<byte> text, int integerStart, int integerDigits, int fractionStart, int k) =>
        k < integerDigits ? text[integerStart + k] : text[fractionStart + k - integerDigits];

    private static bool IsDigit(byte b) => (uint)(b - '0') <= 9;
}
