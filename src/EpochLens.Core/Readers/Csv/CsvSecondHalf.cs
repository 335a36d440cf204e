namespace EpochLens.Readers.Csv;

/// <summary>The second half of a large uncompressed file, parsed on its own thread into batches held until the first half is read.</summary>
internal sealed class CsvSecondHalf
{
    private CsvSecondHalf(List<CsvParsedRows> batches, string? readFailure, long endPosition)
    {
        Batches = batches;
        ReadFailure = readFailure;
        EndPosition = endPosition;
    }

    /// <summary>The parsed lines in file order.</summary>
    public List<CsvParsedRows> Batches { get; }

    /// <summary>Why reading stopped early, as <see cref="CsvLineScanner.ReadFailure"/> says it, or null.</summary>
    public string? ReadFailure { get; }

    /// <summary>The byte offset where reading stopped.</summary>
    public long EndPosition { get; }

    /// <summary>Parses the file from <paramref name="split"/> (a line start) to its end.</summary>
    public static CsvSecondHalf Parse(string path, long split, CsvRowParser parser, int rowsPerBatch, CancellationToken cancel)
    {
        var batches = new List<CsvParsedRows>();
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
            stream.Position = split;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new CsvSecondHalf(batches, e.Message, split);
        }

        using (stream)
        {
            var scanner = new CsvLineScanner(stream, baseOffset: split);
            var rows = parser.NewRows(rowsPerBatch);
            batches.Add(rows);
            while (!cancel.IsCancellationRequested)
            {
                if (scanner.TryReadBlock(out var block))
                {
                    while (!block.IsEmpty)
                    {
                        if (rows.IsFull)
                        {
                            batches.Add(rows = parser.NewRows(rowsPerBatch));
                        }

                        block = block[parser.Parse(block, rows)..];
                    }

                    continue;
                }

                if (!scanner.TryReadLine(out var line))
                {
                    break;
                }

                if (rows.IsFull)
                {
                    batches.Add(rows = parser.NewRows(rowsPerBatch));
                }

                rows.AddIrregular(line, scanner.Position - scanner.LineOffset, scanner.LineUnterminated, scanner.LineTooLong);
            }

            return new CsvSecondHalf(batches, scanner.ReadFailure, scanner.Position);
        }
    }
}
