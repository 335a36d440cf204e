namespace EpochLens.Readers.Csv;

/// <summary>
/// Lines of a CSV parsed into columns in one pass, in file order. A line the fast pass does not take as it
/// is (quotes, spaces, exponents, bad or missing cells, blank lines) is kept as bytes and read by the
/// general row reader, so every line ends up read exactly as the line-at-a-time path reads it.
/// </summary>
internal sealed class CsvParsedRows
{
    public CsvParsedRows(int capacity, int slots)
    {
        Capacity = capacity;
        Slots = slots;
        Steps = new long[capacity];
        Values = new double[capacity * Math.Max(slots, 1)];
        Lengths = new int[capacity];
    }

    public int Capacity { get; }

    /// <summary>Values kept per line (the columns read as numbers, step excluded).</summary>
    public int Slots { get; }

    /// <summary>Lines held, clean or not.</summary>
    public int Count { get; set; }

    public long[] Steps { get; }

    /// <summary>Row-major values, <see cref="Slots"/> per line; NaN is a blank cell (a parsed cell is always finite).</summary>
    public double[] Values { get; }

    /// <summary>Each clean line's bytes including its line break: the byte offsets of the lines follow from them.</summary>
    public int[] Lengths { get; }

    /// <summary>The lines to read the general way, by their index here, in increasing order.</summary>
    public List<CsvIrregularLine> Irregular { get; } = [];

    public bool IsFull => Count == Capacity;

    /// <summary>The values of one slot for the first <paramref name="count"/> lines, gathered from the row-major <see cref="Values"/> into <paramref name="into"/>.</summary>
    public void CopyColumn(int slot, int count, Span<double> into)
    {
        int stride = Math.Max(Slots, 1);
        ReadOnlySpan<double> values = Values.AsSpan(0, count * stride);
        into = into[..count];
        for (int i = 0, from = slot; i < into.Length; i++, from += stride)
        {
            into[i] = values[from];
        }
    }

    public void Clear()
    {
        Count = 0;
        Irregular.Clear();
    }

    /// <summary>Adds a line for the general reader; <paramref name="length"/> counts its line break too (a skipped long line may pass 2 GB).</summary>
    public void AddIrregular(ReadOnlySpan<byte> line, long length, bool unterminated = false, bool tooLong = false)
    {
        Irregular.Add(new CsvIrregularLine(Count, line.ToArray(), length, unterminated, tooLong));
        Count++;
    }
}

/// <summary>A line left to the general row reader: its index among the parsed rows, its bytes (no line break) and its length in the file.</summary>
internal sealed record CsvIrregularLine(int Index, byte[] Bytes, long Length, bool Unterminated, bool TooLong);
