namespace EpochLens.Readers.Csv;

/// <summary>The cells of one row, as Sep parsed them or as one line was split on its own.</summary>
internal interface ICsvCells
{
    int Count { get; }

    ReadOnlySpan<char> this[int index] { get; }
}
