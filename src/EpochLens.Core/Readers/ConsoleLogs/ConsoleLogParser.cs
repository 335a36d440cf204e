namespace EpochLens.Readers.ConsoleLogs;

/// <summary>Turns the segments of one printed log file into training logs; damage is reported at its line.</summary>
internal abstract class ConsoleLogParser(ConsoleLogParser.Context context)
{
    protected string Name => context.Name;

    protected ReadOptions Options => context.Options;

    protected ProblemReporter Problems => context.Problems;

    protected ConsoleLineReader? Lines => context.Lines;

    /// <summary>The parser holds all it may: the rest of the file need not be read.</summary>
    public virtual bool IsFull => false;

    public abstract void Parse(ReadOnlySpan<char> segment);

    /// <summary>The logs read; none when the file showed nothing to read.</summary>
    public abstract IReadOnlyList<TrainingLog> Finish();

    /// <summary>Why a file gave no log: the lines expected, or that no line shows the metric asked for.</summary>
    public abstract string NothingRead(string? metric);

    protected void Report(ProblemKind kind, string message) => context.Problems.Report(context.Lines?.Location ?? "", kind, message);

    /// <summary>The log's name, its read options, where its problems go and the segments being read (none in detection).</summary>
    internal readonly record struct Context(string Name, ReadOptions Options, ProblemReporter Problems, ConsoleLineReader? Lines);
}
