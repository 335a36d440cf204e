using nietras.SeparatedValues;

namespace EpochLens.Readers.Csv;

/// <summary>
/// The second part of a large plain file (from <see cref="CsvRoom"/>'s split point), parsed on another core while the
/// reader reads the first: each row's numbers go into the room reserved for its series at the row's own index, and
/// the reader applies them through the same rules as soon as it is done with the first part. Parsing stops at the
/// first row that is not numbers or empty cells (a bad cell, a blank or ragged row, a step that is empty or has a
/// fraction, bytes that are not UTF-8): the reader reads on from there itself.
/// </summary>
internal sealed class CsvSecondHalf : IDisposable
{
    /// <summary>Rows between two publications of their count: the count's cache line stays with the parsing core.</summary>
    private const int PublishEvery = 4096;

    private const long EmptyBits = 0x7FF8_0000_0000_0E11;

    /// <summary>What an empty cell leaves in the room: a NaN that no number parses to (a parsed "nan" is another).</summary>
    private static readonly double Empty = BitConverter.Int64BitsToDouble(EmptyBits);

    // What a row is parsed by, copied here: a field of the reader, written by the first part's rows on the other
    // core, would share a cache line with it and slow both cores down.
    private readonly (int Columns, int StepIndex, int WallIndex, int StepDecimals) _row;
    private readonly Task _parsing;
    private volatile bool _cancelled;
    private int _published;

    private CsvSecondHalf(
        string file, char delimiter, CsvFileLines lines, int headerLines, int columns, CsvLayout layout, int stepDecimals, Room[] rooms)
    {
        (_row, Rooms) = ((columns, layout.StepIndex, layout.WallTimeIndex, stepDecimals), rooms);
        FirstLine = (int)lines.LinesBeforeSplit + 1;
        First = (int)lines.LinesBeforeSplit - headerLines;
        _parsing = Task.Factory.StartNew(() => Parse(file, delimiter, lines.SplitAt), TaskCreationOptions.LongRunning);
    }

    public readonly record struct Room(int Column, long[] Steps, double[] Values, double[]? Walls);

    /// <summary>The rooms, in the order the series were given to <see cref="Start"/>.</summary>
    public Room[] Rooms { get; }

    /// <summary>The file line of the first row (whose point goes at <see cref="First"/> in the rooms).</summary>
    public int FirstLine { get; }

    public int First { get; }

    /// <summary>Whether the rows parsed run to the end of the file (after <see cref="Wait"/>).</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>Starts parsing where every series has reserved room and each line is a row; null otherwise.</summary>
    public static CsvSecondHalf? Start(string file, char delimiter, CsvFileLines lines, int headerLines, int columns,
        CsvLayout layout, int stepDecimals, IReadOnlyList<(int Column, MetricSeriesBuilder Builder)> series)
    {
        if (!lines.SingleLineRows || lines.LinesBeforeSplit <= headerLines || Environment.ProcessorCount < 2) return null;
        if (series.Any(s => s.Builder.ReservedRoom is null)) return null;

        Room[] rooms = [.. series.Select(s => (s.Column, Room: s.Builder.ReservedRoom!.Value))
            .Select(s => new Room(s.Column, s.Room.Steps, s.Room.Values, s.Room.Walls))];
        return new CsvSecondHalf(file, delimiter, lines, headerLines, columns, layout, stepDecimals, rooms);
    }

    public void Wait() => _parsing.Wait();

    /// <summary>How many rows are in the rooms, once more than <paramref name="rows"/> are or the parse has ended.</summary>
    public int ParsedPast(int rows)
    {
        var spin = new SpinWait();
        while (Volatile.Read(ref _published) <= rows && !_parsing.IsCompleted) spin.SpinOnce();

        return Volatile.Read(ref _published);
    }

    /// <summary>Stops the parse (a read that fails on) and waits for it: the room must not be written once handed over.</summary>
    public void Dispose()
    {
        _cancelled = true;
        _parsing.Wait();
    }

    private void Parse(string file, char delimiter, long start)
    {
        try
        {
            using var stream = LogFile.OpenFile(file);
            stream.Position = start;
            using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var sep = CsvFileReader.Rows(delimiter, text, unescape: false);
            // Counted in locals: a field written every row would share a cache line with what the other core reads.
            int rows = 0;
            bool ended = false;
            try
            {
                while (!_cancelled && !(ended = !sep.MoveNext()) && TryParse(sep.Current, First + rows))
                {
                    if (++rows % PublishEvery == 0) Volatile.Write(ref _published, rows);
                }
            }
            finally
            {
                ReachedEnd = ended;
                Volatile.Write(ref _published, rows);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or LogReadException)
        {
            // The reader reads on from the row that failed, and meets the failure itself.
        }
    }

    /// <summary>Puts a row's numbers in the rooms at <paramref name="at"/>; false where it is not plain numbers.</summary>
    private bool TryParse(SepReader.Row row, int at)
    {
        var (columns, stepIndex, wallIndex, stepDecimals) = _row;
        if (row.ColCount != columns || at >= Rooms[0].Values.Length || row.Span.Contains('\uFFFD')) return false;

        long step = 0;
        if (stepIndex >= 0 && TextNumber.ParseStep(row[stepIndex].Span, stepDecimals, out step, out _) != StepReading.Whole) return false;

        double wallTime = double.NaN;
        if (Rooms[0].Walls is not null) _ = TextNumber.TryParseDouble(row[wallIndex].Span, out wallTime);
        foreach (var (column, steps, values, walls) in Rooms)
        {
            var cell = row[column].Span;
            if (!TextNumber.TryParseDouble(cell, out values[at]))
            {
                if (!TextNumber.Trim(cell).IsEmpty) return false;
                values[at] = Empty;
            }

            steps[at] = step;
            if (walls is not null) walls[at] = wallTime;
        }

        return true;
    }

    /// <summary>Whether a room's value is an empty cell's mark.</summary>
    public static bool IsEmpty(double value) => BitConverter.DoubleToInt64Bits(value) == EmptyBits;
}
