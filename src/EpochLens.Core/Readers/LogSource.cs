namespace EpochLens.Readers;

/// <summary>The files that form one log: a single file, or a run's files (a TensorBoard run folder's).</summary>
/// <param name="Name">The file or folder as the user would name it.</param>
/// <param name="Files">The files, in the order to read them.</param>
public sealed record LogSource(string Name, IReadOnlyList<string> Files)
{
    public static LogSource OfFile(string file) => new(file, [file]);

    /// <summary>What the log of one of the files is called: the source's name when it is the only file.</summary>
    public string NameOf(string file) => Files.Count == 1 ? Name : file;

    /// <summary>The files grouped into runs by a reader's key; a run is named after the source when it is the only one.</summary>
    public IReadOnlyList<(string Name, string Key, IReadOnlyList<string> Files)> Runs(Func<string, string> groupKey)
    {
        var runs = Files.GroupBy(groupKey, StringComparer.Ordinal).ToList();
        return [.. runs.Select(run => (runs.Count == 1 ? Name : run.Key, run.Key, (IReadOnlyList<string>)[.. run]))];
    }
}
