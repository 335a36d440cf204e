using System.Collections.Concurrent;

namespace EpochLens.Readers.Csv;

/// <summary>
/// The rows of a large uncompressed file, parsed on their own thread while the reading thread applies the
/// batches already parsed. Only a few batches are ever in flight: they go back to the parsing thread once
/// applied, so memory stays at those few batches however large the file (holding the parsed rows of half a
/// file cost 28 bytes a row on top of the series).
/// </summary>
internal sealed class CsvParseAhead : IDisposable
{
    private readonly BlockingCollection<CsvParsedRows> _parsed;
    private readonly BlockingCollection<CsvParsedRows> _free;
    private readonly Task _task;

    private CsvParseAhead(string path, long from, CsvRowParser parser, int rowsPerBatch, int batches, CancellationToken cancel)
    {
        _parsed = new BlockingCollection<CsvParsedRows>(new ConcurrentQueue<CsvParsedRows>(), batches);
        _free = new BlockingCollection<CsvParsedRows>(new ConcurrentQueue<CsvParsedRows>(), batches);
        for (int i = 0; i < batches; i++)
        {
            _free.Add(parser.NewRows(rowsPerBatch), CancellationToken.None);
        }

        EndPosition = from;
        _task = Task.Factory.StartNew(() => Parse(path, from, parser, cancel), cancel, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    /// <summary>Why reading stopped early, as <see cref="CsvLineScanner.ReadFailure"/> says it, or null (valid once <see cref="TryTake"/> is false).</summary>
    public string? ReadFailure { get; private set; }

    /// <summary>The byte offset where reading stopped (valid once <see cref="TryTake"/> is false).</summary>
    public long EndPosition { get; private set; }

    /// <summary>Starts parsing the file from <paramref name="from"/> (a line start) to its end.</summary>
    /// <param name="batches">Batches in flight: enough for the parser to run ahead, few enough to cost little memory.</param>
    public static CsvParseAhead Start(string path, long from, CsvRowParser parser, int rowsPerBatch, int batches, CancellationToken cancel) =>
        new(path, from, parser, rowsPerBatch, batches, cancel);

    /// <summary>The next parsed batch in file order (to <see cref="Return"/> once applied); false after the last, rethrowing what stopped the parser.</summary>
    public bool TryTake(out CsvParsedRows rows)
    {
        if (_parsed.TryTake(out rows!, Timeout.Infinite))
        {
            return true;
        }

        // All taken and the parser done: surface an unexpected failure on its thread here.
        _task.GetAwaiter().GetResult();
        return false;
    }

    /// <summary>Hands an applied batch back for the parser to fill again.</summary>
    public void Return(CsvParsedRows rows)
    {
        rows.Clear();
        _free.Add(rows, CancellationToken.None); // never full: at most the batches it was made with
    }

    public void Dispose()
    {
        // The caller cancels first, so a parser waiting for a free batch has stopped or is stopping.
        try
        {
            _task.Wait();
        }
        catch (AggregateException)
        {
            // Cancelled or failed after the reading thread stopped: nothing left to report to.
        }

        _parsed.Dispose();
        _free.Dispose();
    }

    private void Parse(string path, long from, CsvRowParser parser, CancellationToken cancel)
    {
        try
        {
            FileStream stream;
            try
            {
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
                stream.Position = from;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                ReadFailure = e.Message;
                return;
            }

            using (stream)
            {
                var scanner = new CsvLineScanner(stream, baseOffset: from);
                var rows = _free.Take(cancel);
                while (!cancel.IsCancellationRequested)
                {
                    if (scanner.TryReadBlock(out var block))
                    {
                        while (!block.IsEmpty)
                        {
                            if (rows.IsFull)
                            {
                                _parsed.Add(rows, cancel);
                                rows = _free.Take(cancel);
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
                        _parsed.Add(rows, cancel);
                        rows = _free.Take(cancel);
                    }

                    rows.AddIrregular(line, scanner.Position - scanner.LineOffset, scanner.LineUnterminated, scanner.LineTooLong);
                }

                if (rows.Count > 0)
                {
                    _parsed.Add(rows, cancel);
                }

                ReadFailure = scanner.ReadFailure;
                EndPosition = scanner.Position;
            }
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            // The reading thread stopped (a strict read's first damage): so does this one.
        }
        finally
        {
            // Set before this, ReadFailure and EndPosition are seen by the taker that finds the queue finished.
            _parsed.CompleteAdding();
        }
    }
}
