using System.Globalization;
using System.Text;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Parses numbers from UTF-8 cells. Short decimals (the usual "0.4567812") take an exact fast path;
/// everything else goes to the runtime's correctly rounded parser, so results never differ from it.
/// </summary>
internal static class CsvNumber
{
    // Clinger's fast path: a mantissa of at most 2^53 and a power of ten of at most 22 are both exact
    // doubles, so one IEEE multiply or divide gives the correctly rounded result.
    private const ulong MaxExactMantissa = 1UL << 53;

    private static readonly double[] PowersOfTen =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];

    /// <summary>Parses an invariant-culture number, or nan / inf / infinity in any case with an optional sign.</summary>
    public static bool TryParseDouble(ReadOnlySpan<byte> cell, out double value)
    {
        cell = Trim(cell);
        int length = cell.Length;
        int i = 0;
        bool negative = false;
        if (length > 0 && (cell[0] == (byte)'-' || cell[0] == (byte)'+'))
        {
            negative = cell[0] == (byte)'-';
            i = 1;
        }

        ulong mantissa = 0;
        int digits = 0;
        int exponent = 0;
        while (i < length && (uint)(cell[i] - '0') <= 9)
        {
            mantissa = (mantissa * 10) + (uint)(cell[i] - '0');
            digits++;
            i++;
        }

        if (i < length && cell[i] == (byte)'.')
        {
            i++;
            while (i < length && (uint)(cell[i] - '0') <= 9)
            {
                mantissa = (mantissa * 10) + (uint)(cell[i] - '0');
                digits++;
                exponent--;
                i++;
            }
        }

        if (i == length && digits is > 0 and <= 19 && mantissa <= MaxExactMantissa && exponent >= -22)
        {
            double magnitude = exponent == 0 ? mantissa : mantissa / PowersOfTen[-exponent];
            value = negative ? -magnitude : magnitude;
            return true;
        }

        return TryParseSlow(cell, out value);
    }

    /// <summary>Parses a step: a whole number, also written as a float with no fraction ("10.0", "1e3").</summary>
    public static bool TryParseStep(ReadOnlySpan<byte> cell, out long step) => ParseStep(cell, 0, out step, out _) == StepReading.Whole;

    /// <summary>
    /// Reads a step cell exactly as a 64-bit integer (all 19 digits), times 10^<paramref name="shift"/>, or says why
    /// it is not one (<see cref="StepText.Parse(ReadOnlySpan{byte}, int, out long, out int)"/>).
    /// </summary>
    public static StepReading ParseStep(ReadOnlySpan<byte> cell, int shift, out long step, out int decimals)
    {
        cell = Trim(cell);
        int length = cell.Length;
        decimals = 0;
        if (shift == 0 && length is > 0 and <= 18)
        {
            // Plain digits: eighteen of them cannot overflow a long.
            int i = cell[0] == (byte)'-' || cell[0] == (byte)'+' ? 1 : 0;
            long result = 0;
            int start = i;
            while (i < length && (uint)(cell[i] - '0') <= 9)
            {
                result = (result * 10) + (cell[i] - '0');
                i++;
            }

            if (i == length && i > start)
            {
                step = cell[0] == (byte)'-' ? -result : result;
                return StepReading.Whole;
            }
        }

        return StepText.Parse(cell, shift, out step, out decimals);
    }

    /// <summary>Cells are trimmed of spaces and tabs: "1, 0.5" is a common hand-written style.</summary>
    public static ReadOnlySpan<byte> Trim(ReadOnlySpan<byte> cell)
    {
        if (cell.Length == 0 || (!IsBlank(cell[0]) && !IsBlank(cell[^1])))
        {
            return cell;
        }

        int start = 0, end = cell.Length;
        while (start < end && IsBlank(cell[start]))
        {
            start++;
        }

        while (end > start && IsBlank(cell[end - 1]))
        {
            end--;
        }

        return cell[start..end];
    }

    private static bool IsBlank(byte b) => b is (byte)' ' or (byte)'\t';

    private static bool TryParseSlow(ReadOnlySpan<byte> cell, out double value)
    {
        if (TryParseNamed(cell, out value))
        {
            return true;
        }

        // Only ASCII digits, signs, points and exponents: NumberStyles.Float would also accept
        // surrounding white space, which Trim already removed, and nothing else.
        return cell.Length > 0 && double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>nan, inf and infinity as Python, NumPy, pandas and .NET write them.</summary>
    private static bool TryParseNamed(ReadOnlySpan<byte> cell, out double value)
    {
        value = 0;
        if (cell.Length < 3)
        {
            return false;
        }

        bool negative = cell[0] == (byte)'-';
        var body = cell[0] is (byte)'-' or (byte)'+' ? cell[1..] : cell;
        if (Ascii.EqualsIgnoreCase(body, "nan"u8))
        {
            value = double.NaN;
            return true;
        }

        if (Ascii.EqualsIgnoreCase(body, "inf"u8) || Ascii.EqualsIgnoreCase(body, "infinity"u8))
        {
            value = negative ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return false;
    }
}
