namespace EpochLens.Readers.Csv;

/// <summary>
/// Reads the value cells of one file, reporting those that are no number. Decimal commas ("1,5", as spreadsheets in
/// much of Europe save them, with ';' or a tab between cells) are read when asked, or with a note where a cell can
/// mean nothing else (no comma splits cells, and "1,500" could be 1500).
/// </summary>
internal sealed partial class CsvValues(
    ReadOptions options, char delimiter, string[] columnNames, Action<ProblemKind, int, string> report)
{
    /// <summary>Longer cells are not read as numbers with a decimal comma.</summary>
    private const int MaxCommaLength = 64;

    private static readonly NumberFormatInfo CommaFormat = new() { NumberDecimalSeparator = "," };

    private bool _decimalCommaNoted;

    /// <summary>Parses a cell; false for a blank cell (no point) or a bad one (reported).</summary>
    public bool TryRead(ReadOnlySpan<char> cell, int line, int column, out double value)
    {
        if (TextNumber.TryParseDouble(cell, out value)) return true;

        cell = TextNumber.Trim(cell);
        if (cell.IsEmpty) return false;

        string name = columnNames[column];
        if (!DecimalCommaShape().IsMatch(cell))
        {
            report(ProblemKind.BadValue, line, $"'{Show(cell)}' in column '{name}' is not a number: this cell is skipped, the row's other cells are read");
            return false;
        }

        // "0,523" or "2,3456" can only be decimals; "1,500" might be one thousand five hundred.
        var digits = cell.TrimStart("+-");
        int comma = digits.IndexOf(',');
        int exponent = digits.IndexOfAny('e', 'E');
        bool unambiguous = (exponent < 0 ? digits.Length : exponent) - comma - 1 != 3 || digits[..comma] is "0";

        // Once a cell has shown the file's decimal comma, "1,041" (a rounded 1.0410) is one too.
        if ((options.DecimalComma || ((unambiguous || _decimalCommaNoted) && delimiter != ','))
            && cell.Length <= MaxCommaLength && double.TryParse(cell, NumberStyles.Float, CommaFormat, out value))
        {
            if (!options.DecimalComma && !_decimalCommaNoted)
            {
                _decimalCommaNoted = true;
                report(ProblemKind.Assumed, line,
                    $"'{Show(cell)}' in column '{name}' has a decimal comma: such numbers are read as {value.ToString(CultureInfo.InvariantCulture)} (give {options.Spell(Setting.DecimalComma)} to say so)");
            }

            return true;
        }

        report(ProblemKind.BadValue, line,
            $"'{Show(cell)}' in column '{name}' has a decimal comma{(unambiguous ? "" : " or a thousands separator")}: give {options.Spell(Setting.DecimalComma)} to read it as a decimal, or convert the file; this cell is skipped");
        return false;
    }

    /// <summary>A cell for a message: at most 40 characters.</summary>
    public static string Show(ReadOnlySpan<char> cell)
    {
        cell = TextNumber.Trim(cell);
        return cell.Length > 40 ? string.Concat(cell[..40], "…") : cell.ToString();
    }

    [GeneratedRegex(@"^[+-]?[0-9]+,[0-9]+(?:[eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant)]
    private static partial Regex DecimalCommaShape();
}
