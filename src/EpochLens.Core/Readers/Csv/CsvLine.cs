namespace EpochLens.Readers.Csv;

/// <summary>A line held as text: one read before the columns are planned, or one split out of a row that a quote left open.</summary>
/// <param name="Cells">Its cells, unquoted.</param>
/// <param name="Number">Its line number in the file.</param>
/// <param name="BadUtf8">It held bytes that are not UTF-8 (shown as U+FFFD).</param>
/// <param name="QuoteLeftOpen">A quote on it is never closed on it.</param>
internal sealed record CsvLine(string[] Cells, int Number, bool BadUtf8, bool QuoteLeftOpen) : ICsvCells
{
    public int Count => Cells.Length;

    public ReadOnlySpan<char> this[int index] => Cells[index];
}
