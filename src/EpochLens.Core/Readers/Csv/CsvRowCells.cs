using nietras.SeparatedValues;

namespace EpochLens.Readers.Csv;

/// <summary>A row as Sep parsed it: quoted cells come unescaped, nothing is copied.</summary>
internal readonly ref struct CsvRowCells(SepReader.Row row) : ICsvCells
{
    private readonly SepReader.Row _row = row;

    public int Count => _row.ColCount;

    public ReadOnlySpan<char> this[int index] => _row[index].Span;
}
