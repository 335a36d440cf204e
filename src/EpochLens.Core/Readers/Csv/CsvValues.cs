using System.Globalization;
using EpochLens.Readers.Input;
using EpochLens.Settings;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Reads the value cells of one file: numbers, NaN and infinities, and decimal commas (read when asked, or on their
/// own where nothing else can be meant, with a note the first time); a cell that is no number is reported.
/// </summary>
internal sealed class CsvValues(ReadOptions options, char delimiter, string[] columnNames, Action<ProblemKind, int, string> report)
{
    private bool _decimalCommaNoted;

    /// <summary>Parses a cell; false for a blank cell (no point) or a bad one (reported on <paramref name="line"/>).</summary>
    public bool TryRead(ReadOnlySpan<char> cell, int line, int column, out double value)
    {
        if (TextNumber.TryParseDouble(cell, out value))
        {
            return true;
        }

        if (TextNumber.Trim(cell).IsEmpty)
        {
            return false;
        }

        string name = columnNames[column];
        if (DecimalComma.Looks(cell, out bool unambiguous))
        {
            // Once a cell has shown the file's decimal comma, "1,041" (a rounded 1.0410) is one too.
            if ((options.DecimalComma || ((unambiguous || _decimalCommaNoted) && delimiter != ',')) && DecimalComma.TryParse(cell, out value))
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

        report(ProblemKind.BadValue, line, $"'{Show(cell)}' in column '{name}' is not a number: this cell is skipped, the row's other cells are read");
        return false;
    }

    /// <summary>A cell for a message: at most 40 characters.</summary>
    public static string Show(ReadOnlySpan<char> cell)
    {
        cell = TextNumber.Trim(cell);
        return cell.Length > 40 ? string.Concat(cell[..40], "…") : cell.ToString();
    }
}
