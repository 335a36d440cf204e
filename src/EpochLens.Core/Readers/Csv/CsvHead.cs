namespace EpochLens.Readers.Csv;

/// <summary>Format detection from the first bytes of a file.</summary>
internal static class CsvHead
{
    /// <summary>
    /// Delimited text whose first line is a header or numbers, with a numeric cell in the first data row;
    /// a header alone counts when it names a step or loss column, so that reading it can say what is missing.
    /// </summary>
    public static bool LooksLikeCsv(ReadOnlySpan<byte> head, string excludedHeader)
    {
        if (head.StartsWith("\uFEFF"u8))
        {
            head = head[3..];
        }

        if (head.IndexOf((byte)0) >= 0)
        {
            return false;
        }

        var lines = new List<Range>();
        int position = 0;
        while (position < head.Length && lines.Count < 3)
        {
            int newline = head[position..].IndexOf((byte)'\n');
            int end = newline < 0 ? head.Length : position + newline;
            int trimmed = end > position && head[end - 1] == (byte)'\r' ? end - 1 : end;
            if (!CsvNumber.Trim(head[position..trimmed]).IsEmpty)
            {
                lines.Add(position..trimmed);
            }

            position = end + 1;
        }

        if (lines.Count == 0)
        {
            return false;
        }

        var first = head[lines[0]];
        if (first.StartsWith(System.Text.Encoding.UTF8.GetBytes(excludedHeader)))
        {
            return false;
        }

        byte delimiter = CsvDelimiter.Detect(first, preferTab: false);
        if (HasNumber(first, delimiter, out bool allNumeric) && allNumeric)
        {
            return true;
        }

        if (lines.Count >= 2 && lines[1].End.Value < head.Length)
        {
            return HasNumber(head[lines[1]], delimiter, out _);
        }

        // A header longer than the head, or a header whose first row was cut off by the head's end.
        return first.Length == head.Length || lines.Count >= 2 || NamesKnownColumn(first, delimiter);
    }

    private static bool HasNumber(ReadOnlySpan<byte> line, byte delimiter, out bool allNumeric)
    {
        Span<int> starts = stackalloc int[256];
        Span<int> lengths = stackalloc int[256];
        int count = Math.Min(CsvFields.Split(line, delimiter, starts, lengths, out _), starts.Length);
        bool any = false;
        allNumeric = true;
        for (int i = 0; i < count; i++)
        {
            bool number = CsvNumber.TryParseDouble(line.Slice(starts[i], lengths[i]), out _);
            any |= number;
            allNumeric &= number;
        }

        return any;
    }

    private static bool NamesKnownColumn(ReadOnlySpan<byte> line, byte delimiter)
    {
        Span<int> starts = stackalloc int[256];
        Span<int> lengths = stackalloc int[256];
        int count = Math.Min(CsvFields.Split(line, delimiter, starts, lengths, out _), starts.Length);
        for (int i = 0; i < count; i++)
        {
            string name = CsvFields.Text(line.Slice(starts[i], lengths[i]));
            if (CsvColumnNames.StepRank(name) >= 0 || CsvColumnNames.IsEpoch(name) || CsvColumnNames.RoleOf(name) != EpochLens.Logs.SeriesRole.Other)
            {
                return true;
            }
        }

        return false;
    }
}
