namespace EpochLens.Readers.Csv;

/// <summary>Finds the delimiter from the first line: the most frequent of comma, tab and semicolon outside quotes.</summary>
internal static class CsvDelimiter
{
    public static char Detect(ReadOnlySpan<char> firstLine, bool preferTab)
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

        if (tabs > 0 && (preferTab || (tabs > commas && tabs >= semicolons)))
        {
            return '\t';
        }

        return semicolons > commas ? ';' : ',';
    }
}
