namespace EpochLens.Readers.Input;

/// <summary>
/// Parses the numbers of text logs: invariant-culture numbers and the spellings of NaN and infinity that Python, NumPy,
/// pandas and .NET write. Short decimals take an exact fast path; the rest the runtime's correctly rounded parser.
/// </summary>
internal static class TextNumber
{
    // Clinger's fast path: a mantissa of at most 2^53 and a power of ten of at most 22 are both exact
    // doubles, so one IEEE multiply or divide gives the correctly rounded result.
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    public static bool TryParseDouble(ReadOnlySpan<byte> text, out double value)
    {
        // Longer than any number is written: the runtime's parser decides, as for a long cell.
        if (text.Length > 64) return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);

        // UTF-8 never takes fewer bytes than characters.
        Span<char> chars = stackalloc char[text.Length];
        int count = System.Text.Encoding.UTF8.GetChars(text, chars);
        return TryParseDouble(chars[..count], out value);
    }

    /// <summary>Parses an invariant-culture number, or nan / inf / infinity in any case with an optional sign.</summary>
    public static bool TryParseDouble(ReadOnlySpan<char> cell, out double value)
    {
        cell = Trim(cell);
        int length = cell.Length;
        int i = 0;
        bool negative = false;
        if (length > 0 && (cell[0] == '-' || cell[0] == '+'))
        {
            negative = cell[0] == '-';
            i = 1;
        }

        ulong mantissa = 0;
        int digits = 0;
        int exponent = 0;
        for (; i < length && (uint)(cell[i] - '0') <= 9; i++, digits++)
            mantissa = (mantissa * 10) + (uint)(cell[i] - '0');

        if (i < length && cell[i] == '.')
        {
            for (i++; i < length && (uint)(cell[i] - '0') <= 9; i++, digits++, exponent--)
                mantissa = (mantissa * 10) + (uint)(cell[i] - '0');
        }

        if (i == length && digits is > 0 and <= 19 && mantissa <= MaxExactMantissa && exponent >= -22)
        {
            double magnitude = exponent == 0 ? mantissa : mantissa / PowersOfTen[-exponent];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return TryParseNamed(cell, out value)
            || (cell.Length > 0 && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value));
    }

    /// <summary>A step cell as a 64-bit integer times 10^<paramref name="shift"/> (<see cref="StepText"/>), or why not.</summary>
    public static StepReading ParseStep(ReadOnlySpan<char> cell, int shift, out long step, out int decimals)
    {
        cell = Trim(cell);
        decimals = 0;
        int start = cell.Length > 0 && (cell[0] == '-' || cell[0] == '+') ? 1 : 0;
        if (shift == 0 && cell.Length - start is > 0 and <= 18)
        {
            // At most 18 digits cannot overflow.
            long result = 0;
            int i = start;
            for (; i < cell.Length && (uint)(cell[i] - '0') <= 9; i++) result = (result * 10) + (cell[i] - '0');
            if (i == cell.Length)
            {
                step = cell[0] == '-' ? -result : result;
                return StepReading.Whole;
            }
        }

        // Anything else from its digits, never through a double, which would take -9223372036854775809 for a step.
        return StepText.Parse(cell, shift, out step, out decimals);
    }

    /// <summary>Takes the leading ASCII digits of printed text as a number; false when none or more than 15.</summary>
    public static bool TryTakeDigits(ref ReadOnlySpan<char> text, out long value)
    {
        int count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count])) count++;
        value = 0;
        if (count == 0 || count > 15) return false;
        value = long.Parse(text[..count], NumberStyles.None, CultureInfo.InvariantCulture);
        text = text[count..];
        return true;
    }

    /// <summary>Cells are trimmed of spaces and tabs: "1, 0.5" is a common hand-written style.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> cell) =>
        cell.Length == 0 || (cell[0] is not (' ' or '\t') && cell[^1] is not (' ' or '\t')) ? cell : cell.Trim(" \t");

    private static bool TryParseNamed(ReadOnlySpan<char> cell, out double value)
    {
        static bool Is(ReadOnlySpan<char> text, string name) => text.Equals(name, StringComparison.OrdinalIgnoreCase);
        var body = cell.Length > 0 && cell[0] is '-' or '+' ? cell[1..] : cell;
        value = Is(body, "nan") ? double.NaN
            : !Is(body, "inf") && !Is(body, "infinity") ? 0
            : cell[0] == '-' ? double.NegativeInfinity : double.PositiveInfinity;
        return value != 0;
    }
}
