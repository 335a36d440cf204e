namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// Sends problems to the sink, and in strict mode turns damage (truncation, checksums, undecodable
/// records, limits) into a <see cref="LogReadException"/>. Facts of the run itself (a resumed run's
/// purge, NaN values, duplicate steps) are reported in both modes, never thrown.
/// </summary>
internal sealed class ProblemReporter(IProblemSink sink, bool strict)
{
    public bool Strict => strict;

    public void Damage(string file, string location, ProblemKind kind, string message)
    {
        if (strict)
        {
            throw new LogReadException(file, location.Length == 0 ? message : $"{location}: {message}");
        }

        sink.Report(new ReadProblem(file, location, kind, message));
    }

    public void Note(string file, string location, ProblemKind kind, string message) =>
        sink.Report(new ReadProblem(file, location, kind, message));
}
