namespace EpochLens.Readers.Csv;

/// <summary>
/// The second half of a large uncompressed file, parsed on another core while the reading thread reads the
/// first half, and written straight into the series' reserved room at the index where its lines fall. It
/// goes only as far as its lines are plain (every cell a number, no blank in a kept column, steps rising
/// strictly): such lines could not raise a problem or fire a rule of the series builders, so the reading
/// thread can take them as they are once the first half is done (<see cref="CsvFileReader"/> checks that
/// their first step follows the first half's last). The rest of the file is read the general way.
/// Nothing here reports, throws for the file's content, or holds more than one batch of parsed rows.
/// </summary>
internal sealed class CsvSecondHalf
{
    private readonly string _path;
    private readonly long _from;
    private readonly CsvRowParser _parser;
    private readonly Target[] _series;
    private readonly int[] _epochSlots;
    private readonly CancellationToken _cancel;
    private readonly List<(long Step, double Epoch)>[] _epochChanges;
    private readonly double[] _lastEpoch;
    private long _previousStep = long.MinValue;

    private CsvSecondHalf(string path, long from, CsvRowParser parser, Target[] series, int[] epochSlots, CancellationToken cancel)
    {
        _path = path;
        _from = from;
        _parser = parser;
        _series = series;
        _epochSlots = epochSlots;
        _cancel = cancel;
        _epochChanges = [.. epochSlots.Select(_ => new List<(long, double)>())];
        _lastEpoch = new double[epochSlots.Length];
        EndOffset = from;
    }

    /// <summary>Lines taken, all plain: one point in every series per line.</summary>
    public int Lines { get; private set; }

    /// <summary>The byte offset after the last line taken: the general reading goes on from there.</summary>
    public long EndOffset { get; private set; }

    /// <summary>The step of the first line taken (valid when <see cref="Lines"/> is positive).</summary>
    public long FirstStep { get; private set; }

    /// <summary>The step of the last line taken.</summary>
    public long LastStep => _previousStep;

    /// <summary>Per epoch column, the (step, epoch) of each line whose epoch differs from the line before: what the epoch tracker acts on.</summary>
    public IReadOnlyList<(long Step, double Epoch)> EpochChanges(int run) => _epochChanges[run];

    /// <summary>Per epoch column, the epoch on the last line taken.</summary>
    public double LastEpoch(int run) => _lastEpoch[run];

    /// <summary>Starts reading from <paramref name="from"/> (a line start) on a thread of its own.</summary>
    /// <param name="series">Where each series' points go: its row-major slot and its room from the index of this part's first line.</param>
    /// <param name="epochSlots">Per run, the slot of its epoch column or -1.</param>
    public static (CsvSecondHalf Half, Task Reading) Start(string path, long from, CsvRowParser parser, Target[] series, int[] epochSlots, int rowsPerBatch, CancellationToken cancel)
    {
        var half = new CsvSecondHalf(path, from, parser, series, epochSlots, cancel);
        var task = Task.Factory.StartNew(() => half.Read(rowsPerBatch), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        return (half, task);
    }

    private void Read(int rowsPerBatch)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(_path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
            stream.Position = _from;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return; // the general reading after it meets and reports the same
        }

        using (stream)
        {
            var scanner = new CsvLineScanner(stream, baseOffset: _from);
            var rows = _parser.NewRows(rowsPerBatch);
            while (!_cancel.IsCancellationRequested && scanner.TryReadBlock(out var block))
            {
                while (!block.IsEmpty)
                {
                    rows.Clear();
                    int used = _parser.Parse(block, rows);
                    if (!TryTake(rows, out int plainLines, out long plainBytes))
                    {
                        EndOffset += plainBytes;
                        return;
                    }

                    EndOffset += used;
                    block = block[used..];
                }
            }
        }
    }

    /// <summary>Writes the batch's lines into the room as far as they are plain; false once one is not.</summary>
    private bool TryTake(CsvParsedRows rows, out int plainLines, out long plainBytes)
    {
        int slots = rows.Slots;
        var steps = rows.Steps;
        var values = rows.Values;
        int firstIrregular = rows.Irregular.Count > 0 ? rows.Irregular[0].Index : rows.Count;
        int count = 0;
        long bytes = 0;
        long previous = _previousStep;
        for (; count < firstIrregular; count++)
        {
            if (steps[count] <= previous || HasBlank(values, count * slots, slots))
            {
                break;
            }

            previous = steps[count];
            bytes += rows.Lengths[count];
        }

        if (count > 0)
        {
            Write(rows, count);
        }

        plainLines = count;
        plainBytes = bytes;
        return count == rows.Count;
    }

    private void Write(CsvParsedRows rows, int count)
    {
        int slots = rows.Slots;
        var steps = rows.Steps.AsSpan(0, count);
        var values = rows.Values;
        if (Lines == 0)
        {
            FirstStep = steps[0];
        }

        foreach (var target in _series)
        {
            steps.CopyTo(target.Steps.AsSpan(target.Index + Lines));
            rows.CopyColumn(target.Slot, count, target.Values.AsSpan(target.Index + Lines));
        }

        for (int r = 0; r < _epochSlots.Length; r++)
        {
            int slot = _epochSlots[r];
            if (slot < 0)
            {
                continue;
            }

            double previous = Lines == 0 ? double.NaN : _lastEpoch[r];
            for (int i = 0, from = slot; i < count; i++, from += slots)
            {
                if (values[from] != previous)
                {
                    previous = values[from];
                    _epochChanges[r].Add((steps[i], previous));
                }
            }

            _lastEpoch[r] = previous;
        }

        _previousStep = steps[count - 1];
        Lines += count;
    }

    /// <summary>A kept cell was blank: the line would give some series no point, which only the general way handles.</summary>
    private static bool HasBlank(double[] values, int start, int slots)
    {
        for (int s = 0; s < slots; s++)
        {
            if (double.IsNaN(values[start + s]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A series' reserved room (shared with its builder) and where this part's first line goes in it.</summary>
    internal readonly record struct Target(long[] Steps, double[] Values, int Index, int Slot);
}
