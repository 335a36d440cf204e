namespace EpochLens.Readers.Csv;

/// <summary>Finds the delimiter from the first line: the most frequent of comma, tab and semicolon outside quotes.</summary>
internal static class CsvDelimiter
{
    public static byte Detect(ReadOnlySpan<byte> firstLine, bool preferTab)
    {
        int commas = 0, tabs = 0, semicolons = 0;
        bool quoted = false;
        foreach (byte b in firstLine)
        {
            switch (b)
            {
                case (byte)'"': quoted = !quoted; break;
                case (byte)',' when !quoted: commas++; break;
                case (byte)'\t' when !quoted: tabs++; break;
                case (byte)';' when !quoted: semicolons++; break;
            }
        }

        if (tabs > 0 && (preferTab || (tabs > commas && tabs >= semicolons)))
        {
            return (byte)'\t';
        }

        return semicolons > commas ? (byte)';' : (byte)',';
    }
}
