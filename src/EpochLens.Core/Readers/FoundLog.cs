namespace EpochLens.Readers;

/// <summary>One log found in a folder and not yet read.</summary>
/// <param name="Name">The file, or the run folder of a multi-file format: what the log is called.</param>
/// <param name="Files">Its files, in the order to read them.</param>
public sealed record FoundLog(ILogReader Reader, string Name, IReadOnlyList<string> Files)
{
    /// <summary>Reads the log (a console log of two fits gives two). Throws <see cref="LogReadException"/>.</summary>
    public IReadOnlyList<TrainingLog> Read(ReadOptions options, IProblemSink problems) =>
        Reader.Read(new LogSource(Name, Files), options, problems);
}
