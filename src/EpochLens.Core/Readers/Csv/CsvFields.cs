using System.Text;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Splits one line into cells (RFC 4180 quoting: a cell that starts with a quote runs to the matching
/// quote, and "" inside it is one quote). Quoted cells do not span lines: training logs never put a
/// newline in a cell, and a stray quote must not swallow the rest of a file.
/// </summary>
internal static class CsvFields
{
    /// <summary>
    /// Stores the start and length of up to <paramref name="starts"/>.Length cells and returns how many
    /// cells the line has. Quoted cells are stored without their quotes.
    /// </summary>
    /// <param name="quoteDamage">Set when a quote is not closed, or text follows a closing quote.</param>
    public static int Split(ReadOnlySpan<byte> line, byte delimiter, Span<int> starts, Span<int> lengths, out bool quoteDamage)
    {
        quoteDamage = false;
        int count = 0;
        int position = 0;
        while (true)
        {
            int start, length;
            if (position < line.Length && line[position] == (byte)'"')
            {
                start = position + 1;
                int close = ClosingQuote(line, start);
                if (close < 0)
                {
                    quoteDamage = true;
                    length = line.Length - start;
                    position = line.Length;
                }
                else
                {
                    length = close - start;
                    position = close + 1;
                    int next = position < line.Length ? line[position..].IndexOf(delimiter) : -1;
                    if (next != 0 && position < line.Length)
                    {
                        quoteDamage = true;
                    }

                    position = next < 0 ? line.Length : position + next;
                }
            }
            else
            {
                // A plain loop: cells are a few bytes long, too short for a vectorised search to pay off.
                start = position;
                while (position < line.Length && line[position] != delimiter)
                {
                    position++;
                }

                length = position - start;
            }

            if (count < starts.Length)
            {
                starts[count] = start;
                lengths[count] = length;
            }

            count++;
            if (position >= line.Length)
            {
                return count;
            }

            position++; // past the delimiter; a delimiter at the very end leaves one empty cell
        }
    }

    /// <summary>A header cell as text: quotes removed, doubled quotes undone, spaces trimmed.</summary>
    public static string Text(ReadOnlySpan<byte> cell) =>
        Encoding.UTF8.GetString(CsvNumber.Trim(cell)).Replace("\"\"", "\"", StringComparison.Ordinal);

    /// <summary>The index of the quote closing a quoted cell whose content starts at <paramref name="from"/>, or -1.</summary>
    private static int ClosingQuote(ReadOnlySpan<byte> line, int from)
    {
        int position = from;
        while (position < line.Length)
        {
            int quote = line[position..].IndexOf((byte)'"');
            if (quote < 0)
            {
                return -1;
            }

            position += quote;
            if (position + 1 < line.Length && line[position + 1] == (byte)'"')
            {
                position += 2;
                continue;
            }

            return position;
        }

        return -1;
    }
}
