using System.Text;
using EpochLens.Logs;
using EpochLens.Readers.Input;

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

        // ReplaceLineEndings also takes U+0085, U+2028 and U+2029 for breaks; a log's head has none that matter.
        var lines = CsvLineCells.Lines(Encoding.UTF8.GetString(head)).Where(l => !TextNumber.Trim(l).IsEmpty).Take(3).ToList();
        bool endsInBreak = head.Length > 0 && head[^1] is (byte)'\n' or (byte)'\r';
        if (lines.Count == 0)
        {
            return false;
        }

        string first = lines[0];
        if (first.StartsWith(excludedHeader, StringComparison.Ordinal))
        {
            return false;
        }

        char delimiter = CsvDelimiter.Detect(first, preferTab: false);
        var firstCells = CsvLineCells.Split(first, delimiter);
        if (firstCells.All(IsNumber))
        {
            return true;
        }

        // The second line counts when it is whole: followed by a third, or by the end of the file's head in a break.
        if (lines.Count >= 3 || (lines.Count == 2 && endsInBreak))
        {
            return CsvLineCells.Split(lines[1], delimiter).Any(IsNumber);
        }

        // A header longer than the head, or a header whose first row was cut off by the head's end.
        return (lines.Count == 1 && !endsInBreak) || lines.Count >= 2 || firstCells.Any(NamesKnownColumn);
    }

    private static bool IsNumber(string cell) => TextNumber.TryParseDouble(cell, out _);

    private static bool NamesKnownColumn(string name)
    {
        name = TextNumber.Trim(name).ToString();
        return CsvColumnNames.StepRank(name) >= 0 || CsvColumnNames.IsEpoch(name) || CsvColumnNames.RoleOf(name) != SeriesRole.Other;
    }
}
