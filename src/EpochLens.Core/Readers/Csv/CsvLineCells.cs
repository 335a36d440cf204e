namespace EpochLens.Readers.Csv;

/// <summary>
/// Lines split by hand where Sep cannot give them as rows: a line whose quote is never closed (Sep's row runs on to the
/// next quote) and a file's head in detection. A quoted cell runs to its closing quote or the line's end.
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
                cell.Append(line[++i]);
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

    /// <summary>The delimiter of a first line: the most frequent of comma, tab and semicolon outside quotes.</summary>
    public static char Delimiter(ReadOnlySpan<char> firstLine, bool preferTab)
    {
        int commas = 0, tabs = 0, semicolons = 0;
        bool quoted = false;
        foreach (char c in firstLine)
        {
            switch (c)
            {
                case '"': quoted = !quoted; break;
                case ',' when !quoted: commas++; break;
                case '\t' when !quoted: tabs++; break;
                case ';' when !quoted: semicolons++; break;
            }
        }

        if (tabs > 0 && (preferTab || (tabs > commas && tabs >= semicolons))) return '\t';

        return semicolons > commas ? ';' : ',';
    }
}
