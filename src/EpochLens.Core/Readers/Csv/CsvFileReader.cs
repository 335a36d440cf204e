using nietras.SeparatedValues;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Reads one CSV file (plain or gzip) into one log per run: Sep splits the rows and cells, this applies the
/// domain's rules (columns, steps, epochs, resumed runs, damage with its line). One instance per read.
/// </summary>
/// <param name="scaling">How the step column is made whole once a first pass found fractions there.</param>
internal sealed class CsvFileReader(
    string file, string sourceName, ReadOptions options, IProblemSink problems, StepScaling scaling) : IDisposable
{
    /// <summary>More columns than this is not a training log (a W&amp;B export of 1000 runs has about 3000).</summary>
    private const int MaxColumns = 1 << 16;

    /// <summary>Rows read ahead in a file without a header to decide whether its first column is the step.</summary>
    private const int HeaderlessLookahead = 16;

    private readonly ProblemReporter _problems = new(file, problems, options.Strict);
    private readonly CsvLineLocator _locator = new(() => LogFile.Open(file, options, throwAtLimit: true));
    private SepReader _sep = null!;
    private WholeLinesStream _lines = null!;
    private SizeLimitedStream? _limited;
    private Exception? _failure;
    private int _nextLine = 1;
    private CsvLayout _layout = null!;
    private char _delimiter;
    private int _columns;
    private CsvValues _values = null!;
    private long _rowIndex;
    private int _headerLines = 1;

    // Per series, flattened over runs so the row loop walks arrays.
    private int[] _columnOf = [];
    private MetricSeriesBuilder[] _builders = [];
    private (int Count, int FirstLine)[] _nonFinite = [];

    // Per run, and those with an epoch column (whose rooms come first in the second part's).
    private CsvEpochTracker[] _epochs = [];
    private CsvEpochTracker[] _epochsRead = [];

    public void Dispose() => _locator.Dispose();

    /// <summary>The rows skipped for a step with a fraction (after <see cref="Read"/>).</summary>
    public FractionalSteps Fractions { get; } = new();

    public IReadOnlyList<TrainingLog> Read()
    {
        _delimiter = DetectDelimiter();
        var stream = LogFile.Open(file, options, out _limited, throwAtLimit: true);
        long plainBytes = stream is FileStream plain ? plain.Length : 0;
        _lines = new WholeLinesStream(stream);
        using var text = new StreamReader(_lines, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
        using var sep = _sep = OpenSep(text);
        var ahead = ReadAhead([], 1);
        if (ahead.Count == 0) throw Unreadable("empty file: no header and no rows");

        var header = ahead[0];
        ahead.RemoveAt(0);
        PlanColumns(header, ahead);
        bool walls = options.KeepWallTimes && _layout.WallTimeIndex >= 0;
        var epochBuilders = _epochs.Select(e => e.Builder).OfType<MetricSeriesBuilder>();
        var fileLines = CsvRoom.Reserve(file, plainBytes, _headerLines, [.. _builders, .. epochBuilders], walls);
        using var secondHalf = StartSecondHalf(fileLines);
        ahead.ForEach(ApplyLine);
        int resume = 0, secondHalfLine = secondHalf?.FirstLine ?? int.MaxValue;
        while (Next())
        {
            var row = _sep.Current;
            if (row.LineNumberFrom >= secondHalfLine)
            {
                resume = ApplySecondHalf(secondHalf!);
                secondHalfLine = int.MaxValue;
            }

            if (resume == int.MaxValue) break;
            if (row.LineNumberFrom < resume) continue;
            if (IsBlank(row)) continue;

            // A quote left open ran Sep's row on over later lines: each line is read on its own instead.
            if (row.LineNumberToExcl - row.LineNumberFrom > 1) Split(row).ForEach(ApplyLine);
            else ApplyRow(new CsvRowCells(row), row.LineNumberFrom, row.Span.Contains('\uFFFD'));
        }

        // Where the loop ended before the second part (a failure), its parse must stop before the rooms are handed over.
        secondHalf?.Dispose();
        if (_failure is not null) ReportFailure();
        if (_rowIndex == 0) throw Unreadable("a header but no data rows");

        Fractions.Rows = _rowIndex;
        return Finish();
    }

    /// <summary>Plans the columns; without a header, from a few rows read ahead (does the first column count steps?).</summary>
    private void PlanColumns(CsvLine header, List<CsvLine> ahead)
    {
        _columns = header.Count;
        if (_columns > MaxColumns)
            throw new LogReadException(file, $"the first line has {_columns} cells: not a CSV training log (at most {MaxColumns} columns)");

        bool headerless = header.Cells.All(c => TextNumber.TryParseDouble(c, out _));
        if (header.QuoteLeftOpen)
            Report(ProblemKind.Malformed, header.Number, "the header has an unbalanced quote: its cells were read as far as they go");

        if (header.BadUtf8 && !headerless)
            Report(ProblemKind.Encoding, header.Number, "the header holds bytes that are not UTF-8: they show as '\uFFFD' in column names");

        if (headerless)
        {
            _headerLines = 0;
            ahead.Insert(0, header with { QuoteLeftOpen = false });
            ReadAhead(ahead, HeaderlessLookahead);
        }

        _layout = CsvLayout.Plan(file, header.Cells, headerless ? ahead : null, options);

        // A step column of fractions that no scale makes whole: the row index is the step (see FractionalSteps).
        if (scaling.RowOrder) _layout = _layout with { StepIndex = -1 };

        _values = new CsvValues(options, _delimiter, _layout.Names, (kind, line, text) => Report(kind, line, text));
        bool walls = options.KeepWallTimes && _layout.WallTimeIndex >= 0;
        var metrics = _layout.Runs.SelectMany(r => r.Metrics).ToList();
        _columnOf = [.. metrics.Select(m => m.Index)];
        _builders = [.. metrics.Select(m => new MetricSeriesBuilder(m.Name, walls))];
        _nonFinite = new (int, int)[_builders.Length];
        _epochs = [.. _layout.Runs.Select(r => new CsvEpochTracker(r.EpochIndex,
            r.EpochIndex >= 0 && options.Metric is null ? new MetricSeriesBuilder(r.EpochName, walls) : null))];
        if (_layout.StepIndex < 0 && !scaling.RowOrder)
        {
            Report(ProblemKind.Assumed, header.Number, headerless
                ? "no header and the first column does not count up in whole numbers: the row index (from 0) is the step"
                : $"no step column (looked for step, global_step, _step, iteration, iter, ...; {options.Spell(Setting.StepColumn)} names one): the row index (from 0) is the step");
        }
    }

    /// <summary>Sep's rows of <paramref name="text"/>, each as long as it is; cells unquoted when asked.</summary>
    public static SepReader Rows(char delimiter, TextReader text, bool unescape) =>
        Sep.New(delimiter).Reader(o => o with { HasHeader = false, DisableColCountCheck = true, Unescape = unescape })
            .From(text);

    private SepReader OpenSep(TextReader text)
    {
        try
        {
            return Rows(_delimiter, text, unescape: true);
        }
        catch (NotSupportedException e)
        {
            // Sep reads its first rows at once; one of more than 16 M characters is no training log's.
            throw new LogReadException(file, "the first line is longer than 16 M characters: not a CSV training log", e);
        }
    }

    /// <summary>The delimiter from the first line that is not blank, in the file's head.</summary>
    private char DetectDelimiter()
    {
        var head = LogFile.Head(file);
        string first = CsvLineCells.Lines(Encoding.UTF8.GetString(head)).FirstOrDefault(l => !TextNumber.Trim(l).IsEmpty) ?? "";
        bool tsv = Path.GetFileName(file).Contains(".tsv", StringComparison.OrdinalIgnoreCase);
        return CsvLineCells.Delimiter(first, preferTab: tsv);
    }

    /// <summary>The next row; false at the end or where the text cannot be read on (<see cref="_failure"/>).</summary>
    private bool Next()
    {
        try
        {
            if (!_sep.MoveNext())
            {
                _failure ??= _lines.Failure;
                return false;
            }

            _nextLine = _sep.Current.LineNumberToExcl;
            return true;
        }
        catch (NotSupportedException e)
        {
            // Sep's limit of 16 M characters a row, which only a quote left open reaches.
            _failure = e;
            return false;
        }
    }

    /// <summary>Adds the lines of the next rows that are not blank to <paramref name="ahead"/> up to a count.</summary>
    private List<CsvLine> ReadAhead(List<CsvLine> ahead, int count)
    {
        while (ahead.Count < count && Next())
        {
            if (!IsBlank(_sep.Current)) ahead.AddRange(Split(_sep.Current));
        }

        return ahead;
    }

    private static bool IsBlank(SepReader.Row row) => TextNumber.Trim(row.Span).IsEmpty;

    /// <summary>A row as lines held as text: itself, or each line of a row that a quote left open ran over.</summary>
    private List<CsvLine> Split(SepReader.Row row)
    {
        if (row.LineNumberToExcl - row.LineNumberFrom <= 1)
            return [new(row[0..row.ColCount].ToStringsArray(), row.LineNumberFrom, row.Span.Contains('\uFFFD'),
                QuoteLeftOpen: false)];

        // The row's text as it is in the file: no cell has been unescaped in place yet.
        var lines = CsvLineCells.Lines(row.Span.ToString());
        int first = row.LineNumberFrom;
        return [.. lines
            .Select((text, i) => new CsvLine(
                CsvLineCells.Split(text, _delimiter), first + i, text.Contains('\uFFFD'), QuoteLeftOpen: i == 0))
            .Where((_, i) => !TextNumber.Trim(lines[i]).IsEmpty)];
    }

    private void ApplyLine(CsvLine line)
    {
        if (line.QuoteLeftOpen)
            Report(ProblemKind.Malformed, line.Number, "an unbalanced quote: the cells were read as far as they go");

        ApplyRow(line, line.Number, line.BadUtf8);
    }

    /// <summary>Adds a row's points to the series, reporting what is wrong with its cells on its line.</summary>
    private void ApplyRow<TCells>(TCells cells, int line, bool badUtf8)
        where TCells : ICsvCells, allows ref struct
    {
        long rowIndex = _rowIndex++;
        if (badUtf8)
            Report(ProblemKind.Encoding, line, "bytes that are not UTF-8: the line's numeric cells are still read");

        int count = cells.Count;
        if (count != _columns) ReportRagged(line, count);

        long step = rowIndex;
        int stepIndex = _layout.StepIndex;
        if (stepIndex >= 0)
        {
            var cell = stepIndex < count ? cells[stepIndex] : default;
            var reading = TextNumber.ParseStep(cell, scaling.Decimals, out step, out int decimals);
            if (reading == StepReading.Fractional && scaling.IsNone)
            {
                // Counted, not reported: once the file is read, FractionalSteps decides whether they are damage.
                _ = TextNumber.TryParseDouble(cell, out double magnitude);
                Fractions.Add(_layout.Names[stepIndex], CsvValues.Show(cell), magnitude, decimals, $"line {line}");
                return;
            }

            if (reading != StepReading.Whole)
            {
                Report(ProblemKind.BadValue, line,
                    $"the step '{CsvValues.Show(cell)}' in column '{_layout.Names[stepIndex]}' is {StepText.Describe(reading)}: the row is skipped");
                return;
            }
        }

        // A wall time that is no number reads as 0, as it always has.
        double wallTime = double.NaN;
        int wallIndex = _layout.WallTimeIndex;
        if (wallIndex >= 0 && wallIndex < count && options.KeepWallTimes)
            _ = TextNumber.TryParseDouble(cells[wallIndex], out wallTime);

        foreach (var epochs in _epochs)
        {
            int index = epochs.Column;
            if (index >= 0 && index < count && _values.TryRead(cells[index], line, index, out double epoch))
                ApplyEpoch(epochs, step, epoch, wallTime, line);
        }

        for (int s = 0; s < _builders.Length; s++)
        {
            int index = _columnOf[s];
            if (index < count && _values.TryRead(cells[index], line, index, out double value))
                ApplyValue(s, step, value, wallTime, line);
        }
    }

    private void ApplyEpoch(CsvEpochTracker epochs, long step, double epoch, double wallTime, int line)
    {
        if (epochs.Observe(step, epoch)) Add(epochs.Builder!, step, epoch, wallTime, line);
    }

    private void ApplyValue(int series, long step, double value, double wallTime, int line)
    {
        if (!double.IsFinite(value) && _nonFinite[series].Count++ == 0) _nonFinite[series].FirstLine = line;

        Add(_builders[series], step, value, wallTime, line);
    }

    /// <summary>The second part's parse, started where every column read has its room and no row read is in that part.</summary>
    private CsvSecondHalf? StartSecondHalf(CsvFileLines? lines)
    {
        _epochsRead = [.. _epochs.Where(e => e.Column >= 0)];
        if (lines is null || _nextLine > lines.LinesBeforeSplit || _epochsRead.Any(e => e.Builder is null)) return null;

        var series = _epochsRead.Select(e => (e.Column, e.Builder!)).Concat(_builders.Select((b, s) => (_columnOf[s], b)));
        return CsvSecondHalf.Start(file, _delimiter, lines, _headerLines, _columns, _layout, scaling.Decimals, [.. series]);
    }

    /// <summary>Applies the second part's rows as they are parsed; the line to read on from (int.MaxValue: none).</summary>
    private int ApplySecondHalf(CsvSecondHalf half)
    {
        var rooms = half.Rooms;
        int epochRooms = _epochsRead.Length, r = 0;
        for (int at = half.First, parsed = 0; r < parsed || r < (parsed = half.ParsedPast(r)); r++, at++)
        {
            int line = half.FirstLine + r;
            long rowIndex = _rowIndex++;
            long step = _layout.StepIndex >= 0 ? rooms[0].Steps[at] : rowIndex;
            double wallTime = rooms[0].Walls?[at] ?? double.NaN;
            for (int e = 0; e < epochRooms; e++)
            {
                if (rooms[e].Values[at] is var epoch && !CsvSecondHalf.IsEmpty(epoch)) ApplyEpoch(_epochsRead[e], step, epoch, wallTime, line);
            }

            for (int s = 0; s < _builders.Length; s++)
            {
                if (rooms[epochRooms + s].Values[at] is var value && !CsvSecondHalf.IsEmpty(value)) ApplyValue(s, step, value, wallTime, line);
            }
        }

        half.Wait();
        return half.ReachedEnd ? int.MaxValue : half.FirstLine + r;
    }

    private void Add(MetricSeriesBuilder builder, long step, double value, double wallTime, int line)
    {
        switch (builder.Add(step, value, wallTime))
        {
            case StepOrder.ReplacedDuplicate:
                Report(ProblemKind.DuplicateStep, line, $"step {step} of '{builder.Name}' repeats: the later value replaces the earlier");
                break;
            case StepOrder.Restarted:
                Report(ProblemKind.StepsWentBack, line,
                    $"step {step} of '{builder.Name}' goes back: read as a resumed run, whose points supersede the {builder.LastRemoved} from step {step} on");
                break;
        }
    }

    private void ReportRagged(int line, int count)
    {
        bool cutOff = count < _columns && !_locator.IsTerminated(line);
        string ragged = count < _columns ? "the cells that are there were read" : "the extra cells are ignored";
        Report(cutOff ? ProblemKind.Truncated : ProblemKind.RaggedRow, line, cutOff
            ? $"the last line ends after {count} of {_columns} cells with no line break: the file was probably cut off; the cells there were read"
            : $"{count} cells where the header has {_columns}: {ragged}");
    }

    private void ReportFailure()
    {
        string kept = $"the {_rowIndex} rows before were kept";
        var (kind, message) = _limited?.LimitReached == true
            ? (ProblemKind.LimitReached, $"{_failure!.Message}: reading stopped there; {kept}")
            : _failure is NotSupportedException
                ? (ProblemKind.Malformed, $"a row longer than 16 M characters (a quote that is never closed): reading stopped there; {kept}")
                : (ProblemKind.Truncated, $"the file cannot be read past this point ({_failure!.Message}): {kept}");
        Report(kind, _nextLine, message);
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
                series.Add(_builders[slot].Build(metric.Role, metric.Averaging));
                if (_nonFinite[slot] is { Count: > 0 } nonFinite)
                {
                    Report(ProblemKind.NonFinite, nonFinite.FirstLine,
                        $"'{metric.Name}' has {nonFinite.Count} NaN or infinite values (the first on this line): kept as they are", withOffset: false);
                }

                slot++;
            }

            if (_epochs[r].Builder is { } epochBuilder) series.Add(epochBuilder.Build(SeriesRole.Epoch));

            var hint = runs[r].EpochIndex >= 0
                ? _epochs[r].ToHint($"the '{runs[r].EpochName}' column: the first logged step of each epoch")
                : null;
            string source = runs.Count > 1 && runs[r].Name is { } run ? $"{sourceName} [{run}]" : sourceName;
            logs.Add(new TrainingLog(source, CsvReader.FormatId, series, hint));
        }

        return logs;
    }

    private LogReadException Unreadable(string problem) => new(file, _failure is null ? problem
        : $"{problem} ({(_limited?.LimitReached == true ? "stopped at the size limit" : "the file cannot be read")}: {_failure.Message})");

    private void Report(ProblemKind kind, int line, string message, bool withOffset = true)
    {
        string location = withOffset && _locator.Offset(line) is { } offset ? $"line {line}, byte {offset}" : $"line {line}";
        _problems.Report(location, kind, message);
    }
}
