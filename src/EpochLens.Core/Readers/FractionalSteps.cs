namespace EpochLens.Readers;

/// <summary>
/// Steps with a fraction ("0.5": some loggers mark half epochs as steps), met by the CSV and JSON Lines readers. A
/// first pass counts them and skips their rows. When at least one row in a hundred has one, the file is read again
/// with every step made whole by one scale (x10^d) or, when none fits, with the row order as the step, and a note
/// says which. Fewer are damage: their rows stay skipped, with one problem saying how many.
/// </summary>
internal sealed class FractionalSteps
{
    /// <summary>The most decimals a scale makes whole (x1,000,000): more are not marks of an epoch's parts.</summary>
    private const int MaxDecimals = 6;

    /// <summary>Fewer than one row in this many with a fractional step is damage, not the log's way of counting.</summary>
    private const int DamageShare = 100;

    private string _column = "";
    private string _first = "";
    private string _firstLocation = "";
    private double _largest;
    private long _count;
    private int _decimals;

    /// <summary>Rows read with a step cell, whole or not.</summary>
    public long Rows { get; set; }

    public void Add(string column, string text, double magnitude, int decimals, string location)
    {
        if (_count++ == 0) (_column, _first, _firstLocation) = (column, text, location);
        _decimals = Math.Max(_decimals, decimals);
        _largest = Math.Max(_largest, Math.Abs(magnitude));
    }

    /// <summary>
    /// Reads a file with <paramref name="read"/> (a reader's pass under a scaling, into the sink given) once, or twice
    /// when its steps have fractions: the first pass's problems are passed on only when that pass is kept.
    /// </summary>
    public static IReadOnlyList<TrainingLog> Read(string file, ReadOptions options, IProblemSink problems,
        Func<StepScaling, IProblemSink, (IReadOnlyList<TrainingLog> Logs, FractionalSteps Fractions)> read)
    {
        var firstPass = new HeldProblems(problems);
        var (logs, fractions) = read(StepScaling.None, firstPass);
        var scaling = firstPass.Overflowed ? StepScaling.None : fractions.Decide(LargestStep(logs));
        if (!scaling.IsNone)
        {
            string note = fractions.Note(scaling, options);
            problems.Report(new ReadProblem(file, fractions._firstLocation, ProblemKind.Assumed, note));
            return read(scaling, problems).Logs;
        }

        firstPass.PassOn();
        if (fractions._count == 0) return logs;
        string skipped = fractions.Skipped(), where = fractions._firstLocation;
        if (options.Strict)
            throw new LogReadException(file, $"{where}: {skipped} (strict reading stops at the first damage)");

        problems.Report(new ReadProblem(file, where, ProblemKind.BadValue, skipped));
        return logs;
    }

    /// <summary>How the second pass reads the steps (<see cref="StepScaling.None"/>: no second pass).</summary>
    private StepScaling Decide(double largestWholeStep)
    {
        if (_count == 0 || _count * DamageShare < Rows) return StepScaling.None;
        double largest = Math.Max(_largest, Math.Abs(largestWholeStep));
        return _decimals <= MaxDecimals && largest * Math.Pow(10, _decimals) < 9e18
            ? new StepScaling(_decimals, RowOrder: false)
            : new StepScaling(0, RowOrder: true);
    }

    private string Skipped() => string.Create(CultureInfo.InvariantCulture,
        $"{_count} row(s) have a step with a fraction in '{_column}' (the first, '{_first}', on this line) among {Rows - _count} whole steps: too few to be how the log counts, so taken as damage and skipped");

    private string Note(StepScaling scaling, ReadOptions options)
    {
        string seen = string.Create(CultureInfo.InvariantCulture, $"the steps in '{_column}' have fractions ({_count} of {Rows} rows; the first, '{_first}', on this line), as a logger that marks parts of an epoch writes them");
        if (scaling.RowOrder)
            return $"{seen}, with more decimals than a scale can make whole (at most {MaxDecimals}) or too large to scale: the row order (from 0) is the step instead, as for a log without a step column";

        long factor = (long)Math.Pow(10, scaling.Decimals);
        string example = StepText.Parse(Encoding.UTF8.GetBytes(_first), scaling.Decimals, out long scaled, out _) == StepReading.Whole
            ? string.Create(CultureInfo.InvariantCulture, $" ('{_first}' is step {scaled})")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{seen}: every step was read x{factor:N0} as a whole number{example}, so {options.Spell(Setting.StepsPerEpoch)} counts in those units too");
    }

    private static double LargestStep(IReadOnlyList<TrainingLog> logs) => logs.SelectMany(l => l.Series)
        .Where(s => s.Count > 0)
        .Select(s => Math.Max(Math.Abs((double)s.Steps[0]), Math.Abs((double)s.Steps[^1])))
        .DefaultIfEmpty(0)
        .Max();

    /// <summary>
    /// A first pass's problems, held until it is known whether that pass is kept; a file with more than
    /// <see cref="MaxHeld"/> is damage through and through: they go on at once, and that pass is kept.
    /// </summary>
    private sealed class HeldProblems(IProblemSink sink) : IProblemSink
    {
        private const int MaxHeld = 10_000;

        private readonly List<ReadProblem> _held = [];

        public bool Overflowed { get; private set; }

        public void Report(ReadProblem problem)
        {
            _held.Add(problem);
            Overflowed |= _held.Count > MaxHeld;
            if (Overflowed) PassOn();
        }

        public void PassOn()
        {
            _held.ForEach(sink.Report);
            _held.Clear();
        }
    }
}
