using nietras.SeparatedValues;

namespace EpochLens.Readers.Csv;

/// <summary>
/// The second half of a large plain file, parsed on another core while the reader applies the first half: each
/// row's numbers go into the room reserved for its series at the row's own index (past any point the first half
/// can add), and the reader applies them in order through the same rules as every row as soon as it is done with
/// the first part, while the rest are still being parsed (<see cref="ParsedPast"/>).
/// Parsing stops at the first row that is not a number in every cell read (a blank or bad cell, a fraction in the
/// step, bytes that are not UTF-8, a ragged row): the reader reads on from there itself.
/// </summary>
internal sealed class CsvSecondHalf : IDisposable
{
    /// <summary>Rows parsed between two publications of the count: often enough to keep both cores busy, rarely
    /// enough that the count's cache line stays with the parsing core.</summary>
    private const int PublishEvery = 4096;

    private readonly Task _parsing;
    private volatile bool _cancelled;
    private int _published;

    private CsvSecondHalf(string file, char delimiter, CsvFileLines lines, int headerLines, Func<SepReader.Row, int, bool> parse)
    {
        FirstLine = (int)lines.LinesBeforeSplit + 1;
        First = (int)lines.LinesBeforeSplit - headerLines;
        _parsing = Task.Factory.StartNew(() => Parse(file, delimiter, lines.SplitAt, parse), TaskCreationOptions.LongRunning);
    }

    /// <summary>The file line of the first row.</summary>
    public int FirstLine { get; }

    /// <summary>The index in the reserved room of the first row's point.</summary>
    public int First { get; }

    /// <summary>The rows parsed (after <see cref="Wait"/>).</summary>
    public int Rows { get; private set; }

    /// <summary>Whether the rows parsed run to the end of the file (after <see cref="Wait"/>).</summary>
    public bool ReachedEnd { get; private set; }

    /// <summary>
    /// Starts parsing where every series read has reserved room and the file's lines are its rows; null otherwise.
    /// <paramref name="parse"/> puts one row's numbers at a room index, or says the row is not plain numbers.
    /// </summary>
    public static CsvSecondHalf? Start(
        string file, char delimiter, CsvFileLines? lines, int headerLines, Func<SepReader.Row, int, bool> parse) =>
        lines is { SingleLineRows: true } && lines.LinesBeforeSplit > headerLines && Environment.ProcessorCount > 1
            ? new CsvSecondHalf(file, delimiter, lines, headerLines, parse)
            : null;

    /// <summary>Waits for the parse to end.</summary>
    public void Wait() => _parsing.Wait();

    /// <summary>
    /// Waits until more than <paramref name="rows"/> rows are parsed or the parse has ended, and returns how many are
    /// parsed: each is in the room, ready to be applied.
    /// </summary>
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

    private void Parse(string file, char delimiter, long start, Func<SepReader.Row, int, bool> parse)
    {
        try
        {
            using var stream = LogFile.OpenFile(file);
            stream.Position = start;
            using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: false, bufferSize: 1 << 16);
            using var sep = Sep.New(delimiter).Reader(o => o with
            {
                HasHeader = false,
                DisableColCountCheck = true,
                CultureInfo = CultureInfo.InvariantCulture,
            }).From(text);
            // Counted in locals: a field written every row would share a cache line with what the other core reads.
            int rows = 0;
            bool ended = false;
            try
            {
                while (!_cancelled && !(ended = !sep.MoveNext()) && parse(sep.Current, First + rows))
                {
                    if (++rows % PublishEvery == 0) Volatile.Write(ref _published, rows);
                }
            }
            finally
            {
                (Rows, ReachedEnd) = (rows, ended);
                Volatile.Write(ref _published, rows);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException or LogReadException)
        {
            // The reader reads on from the row that failed, and meets the failure itself.
        }
    }
}
