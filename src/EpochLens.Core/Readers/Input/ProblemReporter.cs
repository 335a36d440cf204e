namespace EpochLens.Readers.Input;

/// <summary>
/// Reports a read's problems to the sink, or, with <see cref="ReadOptions.Strict"/>, fails on the first damage (not
/// irregular steps, non-finite values or what a reader assumed). The one place every reader's strict mode is decided.
/// </summary>
internal sealed class ProblemReporter(IProblemSink sink, bool strict)
{
    public ProblemReporter(string file, IProblemSink sink, bool strict)
        : this(sink, strict) => File = file;

    public string File { get; } = "";

    public void Report(string location, ProblemKind kind, string message) => Report(File, location, kind, message);

    /// <summary>Reports a problem; throws <see cref="LogReadException"/> instead when strict and it is damage.</summary>
    public void Report(string file, string location, ProblemKind kind, string message)
    {
        if (strict && IsDamage(kind))
            throw new LogReadException(file, location.Length == 0 ? message : $"{location}: {message}");

        sink.Report(new ReadProblem(file, location, kind, message));
    }

    /// <summary>Reports a fact of the log (a tag skipped, a summary of what was dropped) that never fails a strict read.</summary>
    public void Note(string file, string location, ProblemKind kind, string message) =>
        sink.Report(new ReadProblem(file, location, kind, message));

    /// <summary>At most 40 characters of text for a message.</summary>
    public static string Quote(ReadOnlySpan<char> text) => text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}...'";

    private static bool IsDamage(ProblemKind kind) =>
        kind is not (ProblemKind.NonFinite or ProblemKind.StepsWentBack or ProblemKind.DuplicateStep or ProblemKind.Assumed);
}
