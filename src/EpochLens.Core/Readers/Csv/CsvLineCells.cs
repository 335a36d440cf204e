using System.Text;

namespace EpochLens.Readers.Csv;

/// <summary>
/// The cells of one line on its own, for the few lines Sep cannot give as a row of their own: a line whose quote
/// is never closed (Sep's row runs on to the next quote, lines later) and the lines of a file's head in detection.
/// A quoted cell runs to its closing quote or the line's end; "" inside it is one quote.
/// </summary>
internal static class CsvLineCells
{
    public static string[] Split(ReadOnlySpan<char> line, char delimiter)
    {
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool quoted = false;
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            if (c == '"' && quoted && i + 1 < line.Length && line[i + 1] == '"')
            {
                cell.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == delimiter && !quoted)
            {
                cells.Add(cell.ToString());
                cell.Clear();
            }
            else
            {
                cell.Append(c);
            }
        }

        cells.Add(cell.ToString());
        return [.. cells];
    }

    /// <summary>The lines of <paramref name="text"/> split at CR LF, LF or CR, as Sep counts them.</summary>
    public static string[] Lines(string text) => text.ReplaceLineEndings("\n").Split('\n');
}
