using EpochLens.Readers.Input;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Numbers written with a decimal comma ("1,5" for 1.5), as spreadsheets in much of Europe save them, with ';' or a
/// tab between cells. Read when asked (<see cref="ReadOptions.DecimalComma"/>), or on their own where a cell can mean
/// nothing else: no comma splits cells, and its digits are not a thousands group ("1,500" could be 1500).
/// </summary>
internal static class DecimalComma
{
    /// <summary>A cell of the form [sign] digits ',' digits [exponent]; where it is unambiguous as a decimal comma.</summary>
    public static bool Looks(ReadOnlySpan<char> cell, out bool unambiguous)
    {
        unambiguous = false;
        cell = TextNumber.Trim(cell);
        int i = cell.Length > 0 && cell[0] is '-' or '+' ? 1 : 0;
        int whole = i;
        while (i < cell.Length && char.IsAsciiDigit(cell[i]))
        {
            i++;
        }

        int wholeDigits = i - whole;
        if (wholeDigits == 0 || i >= cell.Length || cell[i] != ',')
        {
            return false;
        }

        int fraction = ++i;
        while (i < cell.Length && char.IsAsciiDigit(cell[i]))
        {
            i++;
        }

        int fractionDigits = i - fraction;
        if (fractionDigits == 0)
        {
            return false;
        }

        if (i < cell.Length && cell[i] is 'e' or 'E')
        {
            i++;
            i += i < cell.Length && cell[i] is '-' or '+' ? 1 : 0;
            int exponent = i;
            while (i < cell.Length && char.IsAsciiDigit(cell[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        if (i != cell.Length)
        {
            return false;
        }

        // "0,523" or "2,3456" can only be decimals; "1,500" might be one thousand five hundred.
        unambiguous = fractionDigits != 3 || (wholeDigits == 1 && cell[whole] == '0');
        return true;
    }

    /// <summary>The cell read with its comma as a decimal point.</summary>
    public static bool TryParse(ReadOnlySpan<char> cell, out double value)
    {
        cell = TextNumber.Trim(cell);
        Span<char> copy = stackalloc char[Math.Min(cell.Length, 64)];
        if (cell.Length > copy.Length)
        {
            value = double.NaN;
            return false;
        }

        cell.CopyTo(copy);
        int comma = copy.IndexOf(',');
        if (comma >= 0)
        {
            copy[comma] = '.';
        }

        return TextNumber.TryParseDouble(copy, out value);
    }
}
