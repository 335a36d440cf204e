namespace EpochLens.Readers;

/// <summary>A log that cannot be read at all; the message names the file and what is wrong with it.</summary>
public sealed class LogReadException : IOException
{
    public LogReadException(string file, string problem, Exception? inner = null)
        : base($"{file}: {problem}", inner)
    {
        File = file;
        Problem = problem;
    }

    public string File { get; }

    public string Problem { get; }
}
