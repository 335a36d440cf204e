using nietras.SeparatedValues;

namespace EpochLens.Readers.Csv;

/// <summary>The cells of one row, as Sep parsed them or as one line was split on its own.</summary>
internal interface ICsvCells
{
    int Count { get; }

    ReadOnlySpan<char> this[int index] { get; }
}

/// <summary>A row as Sep parsed it: quoted cells come unescaped, nothing is copied.</summary>
internal readonly ref struct CsvRowCells(SepReader.Row row) : ICsvCells
{
    private readonly SepReader.Row _row = row;

    public int Count => _row.ColCount;

    public ReadOnlySpan<char> this[int index] => _row[index].Span;
}

/// <summary>A line held as text: one read before the columns are planned, or one split out of a row that a quote left open.</summary>
/// <param name="BadUtf8">It held bytes that are not UTF-8 (shown as U+FFFD).</param>
internal sealed record CsvLine(string[] Cells, int Number, bool BadUtf8, bool QuoteLeftOpen) : ICsvCells
{
    public int Count => Cells.Length;

    public ReadOnlySpan<char> this[int index] => Cells[index];
}
