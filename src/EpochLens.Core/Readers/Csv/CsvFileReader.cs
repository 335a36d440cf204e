using System.IO.Compression;
using System.Text;
using System.Text.Unicode;
using EpochLens.Logs;

namespace EpochLens.Readers.Csv;

/// <summary>Reads one CSV file (plain or gzip) into one log per run. One instance per read: it holds the read's state.</summary>
internal sealed class CsvFileReader
{
    /// <summary>More columns than this is not a training log (a W&amp;B export of 1000 runs has about 3000).</summary>
    private const int MaxColumns = 1 << 16;

    /// <summary>Rows read ahead in a file without a header to decide whether its first column is the step.</summary>
    private const int HeaderlessLookahead = 16;

    /// <summary>
    /// An uncompressed file with at least this many bytes of rows is parsed on a second core while this one
    /// applies the rows: below it a thread costs more than it saves. Gzip stays on one thread (its
    /// inflating would be the parsing thread's bottleneck; not measured as a win).
    /// </summary>
    private const long DefaultSplitFrom = 8 << 20;

    /// <summary>Lines parsed per batch: small enough for the batch to stay in the CPU cache until it is applied.</summary>
    private const int RowsPerBatch = 8192;

    /// <summary>
    /// Batches in flight between the parsing thread and this one: enough for the parser to run ahead while
    /// this thread counts the lines, and (at 28 bytes a row) some 7 MB however large the file.
    /// </summary>
    private const int BatchesInFlight = 32;

    /// <summary>
    /// The most room reserved up front for the series, in bytes per byte of rows: a step,epoch,loss file
    /// needs about 1.5; a wide file of sparse columns would reserve far more than it holds and grows as it goes.
    /// Room never written is never resident, but it is committed, and a heap limit (a container's) counts it.
    /// </summary>
    private const long MaxReservedPerRowByte = 2;

    private readonly string _file;
    private readonly string _sourceName;
    private readonly ReadOptions _options;
    private readonly IProblemSink _problems;
    private readonly long _splitFrom;

    private CsvLayout _layout = null!;
    private byte _delimiter;
    private bool _decimalCommaNoted;
    private int[] _starts = [];
    private int[] _lengths = [];
    private long _rowIndex;

    // Per series, flattened over runs so the row loop walks arrays.
    private int[] _columnOf = [];
    private CsvSeriesBuilder[] _builders = [];
    private int[] _nonFinite = [];
    private long[] _firstNonFiniteLine = [];

    // Where the fast parser puts each kept column of a line (see CsvRowParser).
    private int[] _slotOfColumn = [];
    private int[] _seriesSlot = [];
    private int[] _epochSlot = [];
    private int _wallSlot = -1;

    // Per run.
    private CsvEpochTracker[] _trackers = [];
    private CsvSeriesBuilder?[] _epochBuilders = [];
    private double[] _lastEpoch = [];
    private long[] _lastEpochStep = [];
    private int[] _epochIndexOf = [];

    private readonly StepScaling _scaling;

    /// <param name="splitFrom">Bytes of rows from which an uncompressed file is read as two halves at once (tests lower it).</param>
    /// <param name="scaling">How the step column is made whole once a first pass found fractions there (<see cref="FractionalSteps"/>).</param>
    public CsvFileReader(string file, string sourceName, ReadOptions options, IProblemSink problems, long splitFrom = DefaultSplitFrom, StepScaling scaling = default)
    {
        _file = file;
        _sourceName = sourceName;
        _options = options;
        _problems = problems;
        _splitFrom = splitFrom;
        _scaling = scaling;
    }

    /// <summary>The rows skipped for a step with a fraction, for <see cref="FractionalSteps"/> to decide on (after <see cref="Read"/>).</summary>
    public FractionalSteps Fractions { get; } = new();

    /// <summary>Lines of the read taken as the other core wrote them (<see cref="CsvSecondHalf"/>); tests check the fast path ran.</summary>
    internal long LinesFromSecondHalf { get; private set; }

    public IReadOnlyList<TrainingLog> Read()
    {
        using var stream = Open(out var limited);
        // A small file needs no 1 MiB buffer (the fuzz test reads thousands of them).
        var scanner = stream is FileStream && stream.Length < (1 << 20) ? new CsvLineScanner(stream, (int)stream.Length + 1) : new CsvLineScanner(stream);
        if (!FindHeader(scanner, out var headerLine, out long headerNumber, out long headerOffset))
        {
            throw new LogReadException(_file, ReadFailureSuffix(scanner.ReadFailure, limited, "empty file: no header and no rows"));
        }

        bool preferTab = Path.GetFileName(_file).Contains(".tsv", StringComparison.OrdinalIgnoreCase);
        _delimiter = CsvDelimiter.Detect(headerLine, preferTab);
        int columns = CsvFields.Split(headerLine, _delimiter, [], [], out bool headerQuoteDamage);
        if (columns > MaxColumns)
        {
            throw new LogReadException(_file, $"the first line has {columns} cells: not a CSV training log (at most {MaxColumns} columns)");
        }

        _starts = new int[columns];
        _lengths = new int[columns];
        CsvFields.Split(headerLine, _delimiter, _starts, _lengths, out _);
        bool headerless = AllNumeric(headerLine, columns);
        if (headerQuoteDamage)
        {
            Report(ProblemKind.Malformed, headerNumber, headerOffset, "the header has an unbalanced quote: its cells were read as far as they go");
        }

        if (scanner.LineHasBadUtf8)
        {
            Report(ProblemKind.Encoding, headerNumber, headerOffset, "the header holds bytes that are not UTF-8: they show as '\uFFFD' in column names");
        }

        string[] names = headerless ? [.. Enumerable.Range(0, columns).Select(i => $"col{i}")] : HeaderNames(headerLine, columns);
        List<PendingLine> pending = [];
        bool firstIsStep = false;
        if (headerless)
        {
            // The first line is data: keep it and a few more to see whether col0 counts steps.
            pending.Add(new PendingLine(headerLine.ToArray(), headerNumber, headerOffset, scanner.LineHasBadUtf8, scanner.LineUnterminated));
            while (pending.Count < HeaderlessLookahead && scanner.TryReadLine(out var ahead))
            {
                pending.Add(new PendingLine(ahead.ToArray(), scanner.LineNumber, scanner.LineOffset, scanner.LineHasBadUtf8, scanner.LineUnterminated, scanner.LineTooLong));
            }

            firstIsStep = FirstColumnCountsSteps(pending);
        }

        _layout = CsvLayout.Plan(_file, names, _options, headerless, firstIsStep);
        if (_scaling.RowOrder)
        {
            _layout = _layout.WithoutStep();
        }

        Prepare();
        if (_layout.StepIndex < 0 && !_scaling.RowOrder)
        {
            Report(ProblemKind.Assumed, headerNumber, headerOffset,
                headerless ? "no header and the first column does not count up in whole numbers: the row index (from 0) is the step"
                    : $"no step column (looked for step, global_step, _step, iteration, iter, ...; --step-column names one): the row index (from 0) is the step");
        }

        foreach (var line in pending)
        {
            ReadRow(line.Bytes, line.Number, line.Offset, line.BadUtf8, line.Unterminated, line.TooLong);
        }

        // Scaled steps are read by the general path only: the parser's plain steps are the digits as written.
        var parser = new CsvRowParser(_delimiter, columns, _layout.StepIndex, _slotOfColumn, plainSteps: _scaling.Decimals == 0);
        using var cancel = new CancellationTokenSource();
        try
        {
            var (failure, failureLine, failurePosition) = stream is FileStream plain && limited is null
                ? ReadLargeOrSmall(plain, scanner, parser, cancel)
                : ReadAll(scanner, parser);
            if (failure is not null)
            {
                var kind = limited?.LimitReached == true ? ProblemKind.LimitReached : ProblemKind.Truncated;
                string message = kind == ProblemKind.LimitReached
                    ? $"{failure}: reading stopped there; the {_rowIndex} rows before were kept"
                    : $"the file cannot be read past this point ({failure}): the {_rowIndex} rows before were kept";
                Report(kind, failureLine, failurePosition, message);
            }

            if (_rowIndex == 0)
            {
                throw new LogReadException(_file, ReadFailureSuffix(failure, limited, "a header but no data rows"));
            }
        }
        finally
        {
            // A strict read that stops early stops the other thread too (before disposing waits for it).
            cancel.Cancel();
        }

        Fractions.Rows = _rowIndex;
        return Finish();
    }

    /// <summary>Reads the rest on this thread; returns why it stopped early (or null), on which line and at which byte.</summary>
    private (string? Failure, long Line, long Position) ReadAll(CsvLineScanner scanner, CsvRowParser parser)
    {
        ReadRange(scanner, parser);
        return (scanner.ReadFailure, scanner.LineNumber + 1, scanner.Position);
    }

    /// <summary>
    /// The rest of an uncompressed file. A large one is read on both cores: this thread reads the first half
    /// while <see cref="CsvSecondHalf"/> writes the plain lines of the second half straight into the series'
    /// room; whatever of the second half that could not take is then read here, its parsing on the other core
    /// (<see cref="CsvParseAhead"/>). Everything is applied in file order, so the result, the problems and
    /// their line numbers are exactly those of one pass.
    /// </summary>
    private (string? Failure, long Line, long Position) ReadLargeOrSmall(FileStream file, CsvLineScanner scanner, CsvRowParser parser, CancellationTokenSource cancel)
    {
        long length;
        try
        {
            length = file.Length;
        }
        catch (IOException)
        {
            return ReadAll(scanner, parser);
        }

        long from = scanner.Position;
        if (length - from < _splitFrom || Environment.ProcessorCount < 2)
        {
            return ReadAll(scanner, parser);
        }

        long middle = LineStartAfter(file, from + ((length - from) / 2), length);
        var counts = new long[2];
        Parallel.Invoke(
            () => counts[0] = CountLines(file, from, middle),
            () => counts[1] = CountLines(file, middle, length));
        long resumeFrom = from;
        long number = scanner.LineNumber;
        if (counts[0] >= 0 && counts[1] >= 0 && Reserve(counts[0] + counts[1], length - from)
            && middle < length && _builders.Length > 0 && _layout.StepIndex >= 0 && _wallSlot < 0)
        {
            var targets = SecondHalfTargets((int)counts[0]);
            var (half, reading) = CsvSecondHalf.Start(_file, middle, parser, targets, _epochSlot, RowsPerBatch, cancel.Token);
            try
            {
                scanner.StopAt(middle);
                ReadRange(scanner, parser);
            }
            catch
            {
                // A strict read stopped here: stop the other thread, which must be done before the read returns.
                cancel.Cancel();
                reading.Wait(CancellationToken.None);
                throw;
            }

            reading.Wait(CancellationToken.None);

            if (scanner.ReadFailure is not null || scanner.Position != middle)
            {
                return (scanner.ReadFailure, scanner.LineNumber + 1, scanner.Position);
            }

            number = scanner.LineNumber;
            resumeFrom = middle;
            if (TryAdopt(half, targets))
            {
                number += half.Lines;
                resumeFrom = half.EndOffset;
            }

            if (resumeFrom >= length)
            {
                return (null, number + 1, resumeFrom);
            }
        }
        else
        {
            // Room could not be reserved (too many series for the file, or the file would not count): one thread parses ahead.
            scanner.StopAt(from);
        }

        using var ahead = CsvParseAhead.Start(_file, resumeFrom, parser, RowsPerBatch, BatchesInFlight, cancel.Token);
        long offset = resumeFrom;
        while (ahead.TryTake(out var rows))
        {
            ApplyRows(rows, ref number, ref offset);
            ahead.Return(rows);
        }

        return (ahead.ReadFailure, number + 1, ahead.EndPosition);
    }

    /// <summary>Where each series' points from the second half go: the index after the first half's lines, in room shared with the builder.</summary>
    private CsvSecondHalf.Target[] SecondHalfTargets(int firstHalfLines)
    {
        var targets = new List<CsvSecondHalf.Target>();
        for (int s = 0; s < _builders.Length; s++)
        {
            int index = _builders[s].Count + firstHalfLines;
            var (steps, values) = _builders[s].Room(index, 0);
            targets.Add(new CsvSecondHalf.Target(steps, values, index, _seriesSlot[s]));
        }

        for (int r = 0; r < _epochBuilders.Length; r++)
        {
            if (_epochBuilders[r] is { } epochBuilder)
            {
                int index = epochBuilder.Count + firstHalfLines;
                var (steps, values) = epochBuilder.Room(index, 0);
                targets.Add(new CsvSecondHalf.Target(steps, values, index, _epochSlot[r]));
            }
        }

        return [.. targets];
    }

    /// <summary>
    /// Takes the second half's plain lines as if read here: only when its first step comes after every
    /// series' last, so no rule of the builders (duplicate, restart) and no epoch bookkeeping would have
    /// acted differently on them.
    /// </summary>
    private bool TryAdopt(CsvSecondHalf half, CsvSecondHalf.Target[] targets)
    {
        if (half.Lines == 0)
        {
            return false;
        }

        var builders = _builders.Concat(_epochBuilders.OfType<CsvSeriesBuilder>()).ToArray();
        if (builders.Any(b => b.LastStep >= half.FirstStep) || _lastEpochStep.Any(s => s >= half.FirstStep))
        {
            return false;
        }

        for (int b = 0; b < builders.Length; b++)
        {
            builders[b].AdoptWritten(targets[b].Index, half.Lines);
        }

        for (int r = 0; r < _epochSlot.Length; r++)
        {
            if (_epochSlot[r] < 0)
            {
                continue;
            }

            foreach (var (step, epoch) in half.EpochChanges(r))
            {
                _trackers[r].Observe(step, epoch);
            }

            _lastEpoch[r] = half.LastEpoch(r);
            _lastEpochStep[r] = half.LastStep;
        }

        _rowIndex += half.Lines;
        LinesFromSecondHalf = half.Lines;
        return true;
    }

    /// <summary>The first line start at or after <paramref name="position"/>, or the end.</summary>
    private static long LineStartAfter(FileStream file, long position, long length)
    {
        var buffer = new byte[1 << 16];
        while (position < length)
        {
            int read;
            try
            {
                read = RandomAccess.Read(file.SafeFileHandle, buffer, position - 1);
            }
            catch (IOException)
            {
                return length;
            }

            if (read == 0)
            {
                return length;
            }

            int newline = buffer.AsSpan(0, read).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                return position - 1 + newline + 1;
            }

            position += read;
        }

        return length;
    }

    /// <summary>The lines in [from, to): line breaks, plus one for a last line without one; -1 when it cannot be read.</summary>
    private static long CountLines(FileStream file, long from, long to)
    {
        long lines = 0;
        bool lastIsBreak = true; // no bytes: no line
        var buffer = new byte[1 << 20];
        for (long position = from; position < to;)
        {
            int read;
            try
            {
                read = RandomAccess.Read(file.SafeFileHandle, buffer.AsSpan(0, (int)Math.Min(buffer.Length, to - position)), position);
            }
            catch (IOException)
            {
                return -1;
            }

            if (read == 0)
            {
                break;
            }

            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            lastIsBreak = buffer[read - 1] == (byte)'\n';
            position += read;
        }

        return lastIsBreak ? lines : lines + 1;
    }

    /// <summary>
    /// Gives each series room for a point on every line left: a clean file's series then need no final copy.
    /// Refused where the room would be far more than the file (many sparse columns).
    /// </summary>
    private bool Reserve(long lines, long rowBytes)
    {
        int series = _builders.Length + _epochBuilders.Count(b => b is not null);
        long bytesPerPoint = _options.KeepWallTimes && _layout.WallTimeIndex >= 0 ? 24 : 16;

        // Each series costs a line at least 16 bytes of room, so a line of its cells is rarely as long as that
        // times the limit past a few dozen series.
        if (series is 0 or > 64 || series * bytesPerPoint * lines > MaxReservedPerRowByte * rowBytes || lines > Array.MaxLength)
        {
            return false;
        }

        // The room is the points to come: it counts against the read's memory budget, and past it the series grow
        // chunk by chunk, where the budget drops the points that do not fit.
        if (PointBudget.Current is { } budget && !budget.TryTake(series * lines))
        {
            return false;
        }

        foreach (var builder in _builders)
        {
            builder.Reserve((int)lines);
        }

        foreach (var builder in _epochBuilders)
        {
            builder?.Reserve((int)lines);
        }

        return true;
    }

    /// <summary>Reads the rest of the scanner's range: blocks of whole lines through the fused parser, long and last lines one at a time.</summary>
    private void ReadRange(CsvLineScanner scanner, CsvRowParser parser)
    {
        var rows = parser.NewRows(RowsPerBatch);
        while (true)
        {
            if (scanner.TryReadBlock(out var block))
            {
                long number = scanner.LineNumber;
                long offset = scanner.Position - block.Length;
                while (!block.IsEmpty)
                {
                    rows.Clear();
                    block = block[parser.Parse(block, rows)..];
                    ApplyRows(rows, ref number, ref offset);
                }

                scanner.SkipLines(number - scanner.LineNumber);
                continue;
            }

            if (!scanner.TryReadLine(out var line))
            {
                return;
            }

            ReadRow(line, scanner.LineNumber, scanner.LineOffset, scanner.LineHasBadUtf8, scanner.LineUnterminated, scanner.LineTooLong);
        }
    }

    /// <summary>Reads parsed lines in order: clean ones from their columns, irregular ones through <see cref="ReadRow"/>.</summary>
    /// <param name="number">The number of the line before the first; left at the last line's.</param>
    /// <param name="offset">Where the first line starts; left after the last.</param>
    private void ApplyRows(CsvParsedRows rows, ref long number, ref long offset)
    {
        if (TryApplyClean(rows, ref number, ref offset))
        {
            return;
        }

        var irregular = rows.Irregular;
        int next = 0;
        int nextIndex = irregular.Count > 0 ? irregular[0].Index : -1;
        int slots = rows.Slots;
        var values = rows.Values;
        for (int i = 0; i < rows.Count; i++)
        {
            number++;
            long lineOffset = offset;
            if (i == nextIndex)
            {
                var line = irregular[next++];
                nextIndex = next < irregular.Count ? irregular[next].Index : -1;
                offset += line.Length;
                // A skipped long line has no bytes and no UTF-8 verdict, as the scanner hands it.
                ReadRow(line.Bytes, number, lineOffset, !line.TooLong && !Utf8.IsValid(line.Bytes), line.Unterminated, line.TooLong);
                continue;
            }

            offset += rows.Lengths[i];
            ReadParsedRow(rows.Steps[i], values.AsSpan(i * slots, slots), number, lineOffset);
        }
    }

    /// <summary>
    /// Applies a batch column by column when doing it row by row could not differ: every line clean, no blank
    /// cell in a kept column, steps rising strictly and past every series' last point (so no duplicate, no
    /// restart, nothing to report). A clean file's batches all go this way; any other batch goes row by row.
    /// </summary>
    private bool TryApplyClean(CsvParsedRows rows, ref long number, ref long offset)
    {
        int count = rows.Count;
        if (count == 0 || rows.Irregular.Count > 0 || _layout.StepIndex < 0 || _wallSlot >= 0)
        {
            return false;
        }

        var steps = rows.Steps.AsSpan(0, count);
        for (int i = 1; i < steps.Length; i++)
        {
            if (steps[i] <= steps[i - 1])
            {
                return false;
            }
        }

        int slots = rows.Slots;
        var values = rows.Values.AsSpan(0, count * slots);
        for (int s = 0; s < _builders.Length; s++)
        {
            if (!_builders[s].CanAppend(steps[0], count) || HasBlank(values, _seriesSlot[s], slots))
            {
                return false;
            }
        }

        for (int r = 0; r < _epochSlot.Length; r++)
        {
            int slot = _epochSlot[r];
            if (slot >= 0 && (HasBlank(values, slot, slots) || _epochBuilders[r] is { } epochBuilder && !epochBuilder.CanAppend(steps[0], count)))
            {
                return false;
            }
        }

        for (int r = 0; r < _epochSlot.Length; r++)
        {
            int slot = _epochSlot[r];
            if (slot < 0)
            {
                continue;
            }

            // The tracker only acts where the epoch changes: one call per change is the same as one per row.
            var tracker = _trackers[r];
            double previous = double.NaN;
            for (int i = 0, from = slot; i < count; i++, from += slots)
            {
                double epoch = values[from];
                if (epoch != previous)
                {
                    tracker.Observe(steps[i], epoch);
                    previous = epoch;
                }
            }

            // Steps rise, so every row's epoch is news to the epoch series (see ReadParsedRow).
            _epochBuilders[r]?.AppendColumn(rows, slot);
            _lastEpoch[r] = values[((count - 1) * slots) + slot];
            _lastEpochStep[r] = steps[count - 1];
        }

        for (int s = 0; s < _builders.Length; s++)
        {
            _builders[s].AppendColumn(rows, _seriesSlot[s]);
        }

        long bytes = 0;
        foreach (int length in rows.Lengths.AsSpan(0, count))
        {
            bytes += length;
        }

        _rowIndex += count;
        number += count;
        offset += bytes;
        return true;
    }

    private static bool HasBlank(ReadOnlySpan<double> values, int slot, int stride)
    {
        for (int from = slot; from < values.Length; from += stride)
        {
            if (double.IsNaN(values[from]))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary><see cref="ReadRow"/> for a clean line: every cell a plain number or blank (NaN), as many cells as the header.</summary>
    private void ReadParsedRow(long parsedStep, ReadOnlySpan<double> values, long number, long offset)
    {
        long rowIndex = _rowIndex++;
        long step = _layout.StepIndex >= 0 ? parsedStep : rowIndex;

        // A blank wall-time cell reads as 0 on the general path (TryParseDouble's failed result): the same here.
        double wallTime = _wallSlot < 0 ? double.NaN : double.IsNaN(values[_wallSlot]) ? 0 : values[_wallSlot];
        for (int r = 0; r < _epochSlot.Length; r++)
        {
            int slot = _epochSlot[r];
            if (slot >= 0 && !double.IsNaN(values[slot]))
            {
                double epoch = values[slot];
                _trackers[r].Observe(step, epoch);
                if (_epochBuilders[r] is { } epochBuilder && (step != _lastEpochStep[r] || epoch != _lastEpoch[r] || epochBuilder.Count == 0))
                {
                    Add(epochBuilder, step, epoch, wallTime, number, offset);
                    _lastEpoch[r] = epoch;
                    _lastEpochStep[r] = step;
                }
            }
        }

        for (int s = 0; s < _builders.Length; s++)
        {
            double value = values[_seriesSlot[s]];
            if (!double.IsNaN(value))
            {
                Add(_builders[s], step, value, wallTime, number, offset);
            }
        }
    }

    private Stream Open(out SizeLimitedStream? limited)
    {
        limited = null;
        FileStream file;
        try
        {
            // No FileStream buffer: the scanner reads in large blocks itself.
            file = new FileStream(_file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, bufferSize: 0, FileOptions.SequentialScan);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogReadException(_file, $"cannot be opened: {e.Message}", e);
        }

        try
        {
            Span<byte> magic = stackalloc byte[2];
            int read = file.ReadAtLeast(magic, 2, throwOnEndOfStream: false);
            file.Position = 0;
            if (!FileHead.IsGzip(magic[..read]))
            {
                // A plain UTF-8 file stays a FileStream, which the two-core path reads by offsets; UTF-16 is read in order.
                return TextEncoding.Utf8(file);
            }

            limited = new SizeLimitedStream(new GZipStream(file, CompressionMode.Decompress), _options.MaxDecompressedBytes, throwAtLimit: true);
            return TextEncoding.Utf8(limited);
        }
        catch (IOException e)
        {
            file.Dispose();
            throw new LogReadException(_file, $"cannot be read: {e.Message}", e);
        }
    }

    private static string ReadFailureSuffix(string? failure, SizeLimitedStream? limited, string problem) =>
        failure is null ? problem
            : $"{problem} ({(limited?.LimitReached == true ? "stopped at the size limit" : "the file cannot be read")}: {failure})";

    /// <summary>The first line that is not blank, without a UTF-8 byte order mark.</summary>
    private static bool FindHeader(CsvLineScanner scanner, out ReadOnlySpan<byte> header, out long number, out long offset)
    {
        while (scanner.TryReadLine(out var line))
        {
            if (scanner.LineNumber == 1 && line.StartsWith("\uFEFF"u8))
            {
                line = line[3..];
            }

            if (!CsvNumber.Trim(line).IsEmpty || scanner.LineTooLong)
            {
                if (scanner.LineTooLong)
                {
                    break;
                }

                header = line;
                number = scanner.LineNumber;
                offset = scanner.LineOffset;
                return true;
            }
        }

        header = default;
        number = offset = 0;
        return false;
    }

    private bool AllNumeric(ReadOnlySpan<byte> line, int columns)
    {
        for (int i = 0; i < columns; i++)
        {
            if (!CsvNumber.TryParseDouble(line.Slice(_starts[i], _lengths[i]), out _))
            {
                return false;
            }
        }

        return true;
    }

    private string[] HeaderNames(ReadOnlySpan<byte> line, int columns)
    {
        var names = new string[columns];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (int i = 0; i < columns; i++)
        {
            string name = CsvFields.Text(line.Slice(_starts[i], _lengths[i]));
            if (name.Length == 0)
            {
                name = $"col{i}";
            }

            // Two columns of one name would make two series no one can tell apart.
            names[i] = seen.Add(name) ? name : $"{name} (column {i + 1})";
            seen.Add(names[i]);
        }

        return names;
    }

    private bool FirstColumnCountsSteps(List<PendingLine> lines)
    {
        long previous = long.MinValue;
        int seen = 0;
        foreach (var line in lines)
        {
            var bytes = line.Bytes.AsSpan();
            if (line.TooLong || CsvNumber.Trim(bytes).IsEmpty)
            {
                continue;
            }

            int count = CsvFields.Split(bytes, _delimiter, _starts, _lengths, out _);
            if (count == 0 || !CsvNumber.TryParseStep(bytes.Slice(_starts[0], _lengths[0]), out long step) || step <= previous)
            {
                return false;
            }

            previous = step;
            seen++;
        }

        return seen > 0;
    }

    private void Prepare()
    {
        bool walls = _options.KeepWallTimes && _layout.WallTimeIndex >= 0;
        var columns = new List<int>();
        var builders = new List<CsvSeriesBuilder>();
        foreach (var run in _layout.Runs)
        {
            foreach (var metric in run.Metrics)
            {
                columns.Add(metric.Index);
                builders.Add(new CsvSeriesBuilder(metric.Name, walls));
            }
        }

        _columnOf = [.. columns];
        _builders = [.. builders];
        _nonFinite = new int[_builders.Length];
        _firstNonFiniteLine = new long[_builders.Length];
        _trackers = [.. _layout.Runs.Select(_ => new CsvEpochTracker())];
        _lastEpoch = new double[_layout.Runs.Count];
        _lastEpochStep = new long[_layout.Runs.Count];
        _epochIndexOf = [.. _layout.Runs.Select(r => r.EpochIndex)];
        _epochBuilders = [.. _layout.Runs.Select(r => r.EpochIndex >= 0 && _options.Metric is null ? new CsvSeriesBuilder(r.EpochName, walls) : null)];

        _slotOfColumn = new int[_layout.Names.Length];
        Array.Fill(_slotOfColumn, -1);
        int slots = 0;
        int SlotOf(int column) => _slotOfColumn[column] >= 0 ? _slotOfColumn[column] : _slotOfColumn[column] = slots++;
        _seriesSlot = [.. _columnOf.Select(SlotOf)];
        _epochSlot = [.. _epochIndexOf.Select(i => i >= 0 ? SlotOf(i) : -1)];
        _wallSlot = walls ? SlotOf(_layout.WallTimeIndex) : -1;
    }

    private void ReadRow(ReadOnlySpan<byte> line, long number, long offset, bool badUtf8, bool unterminated, bool tooLong)
    {
        if (tooLong)
        {
            Report(ProblemKind.Malformed, number, offset, $"a line longer than {CsvLineScanner.MaxLineBytes} bytes: skipped");
            return;
        }

        if (line.IsEmpty || CsvNumber.Trim(line).IsEmpty)
        {
            return;
        }

        long rowIndex = _rowIndex++;
        if (badUtf8)
        {
            Report(ProblemKind.Encoding, number, offset, "bytes that are not UTF-8: the line's numeric cells are still read");
        }

        int columns = _starts.Length;
        int count = CsvFields.Split(line, _delimiter, _starts, _lengths, out bool quoteDamage);
        if (count != columns)
        {
            ReportRagged(number, offset, count, columns, unterminated);
        }

        if (quoteDamage)
        {
            Report(ProblemKind.Malformed, number, offset, "an unbalanced quote: the cells were read as far as they go");
        }

        long step = rowIndex;
        int stepIndex = _layout.StepIndex;
        if (stepIndex >= 0)
        {
            var cell = stepIndex < count ? line.Slice(_starts[stepIndex], _lengths[stepIndex]) : default;
            var reading = CsvNumber.ParseStep(cell, _scaling.Decimals, out step, out int decimals);
            if (reading == StepReading.Fractional && _scaling.IsNone)
            {
                // Counted, not reported: once the file is read, FractionalSteps decides whether they are damage.
                _ = CsvNumber.TryParseDouble(cell, out double magnitude);
                Fractions.Add(_layout.Names[stepIndex], Show(cell), magnitude, decimals, Location(number, offset));
                return;
            }

            if (reading != StepReading.Whole)
            {
                Report(ProblemKind.BadValue, number, offset,
                    $"the step '{Show(cell)}' in column '{_layout.Names[stepIndex]}' is {StepText.Describe(reading)}: the row is skipped");
                return;
            }
        }

        double wallTime = double.NaN;
        int wallIndex = _layout.WallTimeIndex;
        if (wallIndex >= 0 && wallIndex < count && _options.KeepWallTimes)
        {
            _ = CsvNumber.TryParseDouble(line.Slice(_starts[wallIndex], _lengths[wallIndex]), out wallTime);
        }

        for (int r = 0; r < _epochIndexOf.Length; r++)
        {
            int epochIndex = _epochIndexOf[r];
            if (epochIndex >= 0 && epochIndex < count && _lengths[epochIndex] > 0
                && Value(line.Slice(_starts[epochIndex], _lengths[epochIndex]), number, offset, epochIndex, out double epoch))
            {
                _trackers[r].Observe(step, epoch);
                // Lightning repeats a step's epoch on its validation and epoch-mean rows: only a change is news.
                if (_epochBuilders[r] is { } epochBuilder && (step != _lastEpochStep[r] || epoch != _lastEpoch[r] || epochBuilder.Count == 0))
                {
                    Add(epochBuilder, step, epoch, wallTime, number, offset);
                    _lastEpoch[r] = epoch;
                    _lastEpochStep[r] = step;
                }
            }
        }

        for (int s = 0; s < _builders.Length; s++)
        {
            int index = _columnOf[s];
            if (index >= count || _lengths[index] == 0)
            {
                continue;
            }

            if (!Value(line.Slice(_starts[index], _lengths[index]), number, offset, index, out double value))
            {
                continue;
            }

            if (!double.IsFinite(value) && _nonFinite[s]++ == 0)
            {
                _firstNonFiniteLine[s] = number;
            }

            Add(_builders[s], step, value, wallTime, number, offset);
        }
    }

    /// <summary>Parses a cell; false for a blank cell (no point) or a bad one (reported).</summary>
    private bool Value(ReadOnlySpan<byte> cell, long number, long offset, int column, out double value)
    {
        if (CsvNumber.TryParseDouble(cell, out value))
        {
            return true;
        }

        // A decimal comma: read when asked, or where nothing else can be meant (no comma splits the cells).
        if (DecimalComma.Looks(cell, out bool unambiguous))
        {
            // Once a cell has shown the file's decimal comma, "1,041" (a rounded 1.0410) is one too.
            if ((_options.DecimalComma || ((unambiguous || _decimalCommaNoted) && _delimiter != (byte)',')) && DecimalComma.TryParse(cell, out value))
            {
                if (!_options.DecimalComma && !_decimalCommaNoted)
                {
                    _decimalCommaNoted = true;
                    Report(ProblemKind.Assumed, number, offset,
                        $"'{Show(cell)}' in column '{_layout.Names[column]}' has a decimal comma: such numbers are read as {value.ToString(System.Globalization.CultureInfo.InvariantCulture)} (give --decimal-comma to say so)");
                }

                return true;
            }

            Report(ProblemKind.BadValue, number, offset,
                $"'{Show(cell)}' in column '{_layout.Names[column]}' has a decimal comma{(unambiguous ? "" : " or a thousands separator")}: give --decimal-comma to read it as a decimal, or convert the file; this cell is skipped");
            return false;
        }

        if (!CsvNumber.Trim(cell).IsEmpty)
        {
            Report(ProblemKind.BadValue, number, offset,
                $"'{Show(cell)}' in column '{_layout.Names[column]}' is not a number: this cell is skipped, the row's other cells are read");
        }

        return false;
    }

    private void Add(CsvSeriesBuilder builder, long step, double value, double wallTime, long number, long offset)
    {
        switch (builder.Add(step, value, wallTime))
        {
            case StepOrder.ReplacedDuplicate:
                Report(ProblemKind.DuplicateStep, number, offset, $"step {step} of '{builder.Name}' repeats: the later value replaces the earlier");
                break;
            case StepOrder.Restarted:
                Report(ProblemKind.StepsWentBack, number, offset,
                    $"step {step} of '{builder.Name}' goes back: read as a resumed run, whose points supersede the {builder.LastRemoved} from step {step} on");
                break;
        }
    }

    private void ReportRagged(long number, long offset, int count, int columns, bool unterminated)
    {
        if (unterminated && count < columns)
        {
            Report(ProblemKind.Truncated, number, offset,
                $"the last line ends after {count} of {columns} cells with no line break: the file was probably cut off; the cells there were read");
        }
        else
        {
            Report(ProblemKind.RaggedRow, number, offset, count < columns
                ? $"{count} cells where the header has {columns}: the cells that are there were read"
                : $"{count} cells where the header has {columns}: the extra cells are ignored");
        }
    }

    private List<TrainingLog> Finish()
    {
        var logs = new List<TrainingLog>();
        var runs = _layout.Runs;
        int slot = 0;
        for (int r = 0; r < runs.Count; r++)
        {
            var series = new List<MetricSeries>();
            foreach (var metric in runs[r].Metrics)
            {
                var built = _builders[slot].Build(metric.Role, metric.Averaging);
                if (_nonFinite[slot] > 0)
                {
                    Report(ProblemKind.NonFinite, _firstNonFiniteLine[slot], -1,
                        $"'{metric.Name}' has {_nonFinite[slot]} NaN or infinite values (the first on this line): kept as they are");
                }

                slot++;
                series.Add(built);
            }

            if (_epochBuilders[r] is { } epochBuilder)
            {
                series.Add(epochBuilder.Build(SeriesRole.Epoch));
            }

            var hint = runs[r].EpochIndex >= 0
                ? _trackers[r].ToHint($"the '{runs[r].EpochName}' column: the first logged step of each epoch")
                : null;
            string source = runs.Count > 1 && runs[r].Name is { } run ? $"{_sourceName} [{run}]" : _sourceName;
            logs.Add(new TrainingLog(source, CsvReader.FormatId, series, hint));
        }

        return logs;
    }

    private static string Location(long line, long offset) => offset < 0 ? $"line {line}" : $"line {line}, byte {offset}";

    private void Report(ProblemKind kind, long line, long offset, string message)
    {
        string location = Location(line, offset);
        if (_options.Strict && IsDamage(kind))
        {
            throw new LogReadException(_file, $"{location}: {message} (strict reading stops at the first damage)");
        }

        _problems.Report(new ReadProblem(_file, location, kind, message));
    }

    /// <summary>Damage fails a strict read; NaN values, resumed runs and assumptions are facts of the log, not damage.</summary>
    private static bool IsDamage(ProblemKind kind) =>
        kind is not (ProblemKind.NonFinite or ProblemKind.StepsWentBack or ProblemKind.DuplicateStep or ProblemKind.Assumed);

    /// <summary>A cell for a message: at most 40 characters, undecodable bytes shown as '\uFFFD'.</summary>
    private static string Show(ReadOnlySpan<byte> cell)
    {
        cell = CsvNumber.Trim(cell);
        string text = Encoding.UTF8.GetString(cell[..Math.Min(cell.Length, 40)]);
        return cell.Length > 40 ? text + "…" : text;
    }

    private sealed record PendingLine(byte[] Bytes, long Number, long Offset, bool BadUtf8, bool Unterminated, bool TooLong = false);
}
