using System.Globalization;
using System.Text.RegularExpressions;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Numbers written with a decimal comma ("1,5" for 1.5), as spreadsheets in much of Europe save them, with ';' or a
/// tab between cells. Read when asked (<see cref="ReadOptions.DecimalComma"/>), or on their own where a cell can mean
/// nothing else: no comma splits cells, and its digits are not a thousands group ("1,500" could be 1500).
/// </summary>
internal static partial class DecimalComma
{
    /// <summary>Longer cells are not read as numbers with a decimal comma.</summary>
    private const int MaxLength = 64;

    private static readonly NumberFormatInfo CommaFormat = new() { NumberDecimalSeparator = "," };

    /// <summary>A cell of the form [sign] digits ',' digits [exponent]; where it is unambiguous as a decimal comma.</summary>
    public static bool Looks(ReadOnlySpan<char> cell, out bool unambiguous)
    {
        unambiguous = false;
        cell = TextNumber.Trim(cell);
        if (!Shape().IsMatch(cell))
        {
            return false;
        }

        var digits = cell.TrimStart("+-");
        int comma = digits.IndexOf(',');
        int exponent = digits.IndexOfAny('e', 'E');
        int fractionDigits = (exponent < 0 ? digits.Length : exponent) - comma - 1;

        // "0,523" or "2,3456" can only be decimals; "1,500" might be one thousand five hundred.
        unambiguous = fractionDigits != 3 || digits[..comma] is "0";
        return true;
    }

    /// <summary>The cell (one that <see cref="Looks"/> so) read with its comma as a decimal point.</summary>
    public static bool TryParse(ReadOnlySpan<char> cell, out double value)
    {
        cell = TextNumber.Trim(cell);
        if (cell.Length > MaxLength)
        {
            value = double.NaN;
            return false;
        }

        return double.TryParse(cell, NumberStyles.Float, CommaFormat, out value);
    }

    [GeneratedRegex(@"^[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
