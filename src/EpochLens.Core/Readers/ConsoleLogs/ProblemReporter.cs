namespace EpochLens.Readers.ConsoleLogs;

/// <summary>Sends a file's problems to the sink, or fails on the first one when reading is strict.</summary>
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
        _sink.Report(new ReadProblem(File, location, kind, message));
        if (_strict)
        {
            throw new LogReadException(File, location.Length == 0 ? message : $"{location}: {message}");
        }
    }
}
