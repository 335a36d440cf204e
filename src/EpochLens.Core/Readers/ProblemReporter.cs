namespace EpochLens.Readers;

/// <summary>
/// Reports the problems of one file to the sink, or, with <see cref="ReadOptions.Strict"/>, fails on the
/// first damage. Irregular steps, non-finite values and what a reader assumed are not damage: they are reported
/// even when strict.
/// Shared by the line-oriented readers (JSON Lines, telemetry, MLflow, Hugging Face, console logs).
/// </summary>
internal sealed class ProblemReporter
{
    private readonly IProblemSink _sink;
    private readonly bool _strict;

    public ProblemReporter(string file, IProblemSink sink, bool strict)
    {
        File = file;
        _sink = sink;
        _strict = strict;
    }

    public string File { get; }

    public void Report(string location, ProblemKind kind, string message)
    {
        if (_strict && IsDamage(kind))
        {
            throw new LogReadException(File, location.Length == 0 ? message : $"{location}: {message}");
        }

        _sink.Report(new ReadProblem(File, location, kind, message));
    }

    public static string Line(long line, long offset) => $"line {line} at byte {offset}";

    private static bool IsDamage(ProblemKind kind) =>
        kind is not (ProblemKind.NonFinite or ProblemKind.StepsWentBack or ProblemKind.DuplicateStep or ProblemKind.Assumed);
}
