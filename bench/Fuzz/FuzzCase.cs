namespace EpochLens.Bench.Fuzz;

/// <summary>
/// One fuzzed input, built in memory before it is written: its files, the odd file-system entries beside them,
/// the path given to the CLI, the options added, and the names of the mutations applied (to report and repeat it).
/// </summary>
internal sealed class FuzzCase(int index, string seedName, List<CaseFile> files, string primary, string target)
{
    public int Index { get; } = index;

    /// <summary>The epochlens command ("analyze" or "inspect"); options that only one takes look at it.</summary>
    public string Command { get; set; } = "analyze";

    /// <summary>The command's own options (--json, --output md), before the mutated ones.</summary>
    public List<string> CommandOptions { get; } = [];

    public string SeedName { get; } = seedName;

    public List<CaseFile> Files { get; } = files;

    /// <summary>The file most mutations change: the seed's main log file; null once it has been replaced (by a FIFO).</summary>
    public CaseFile? Primary { get; set; } = files.FirstOrDefault(f => f.Path == primary);

    /// <summary>The path handed to the CLI, relative to the case folder.</summary>
    public string Target { get; set; } = target;

    public List<string> Fifos { get; } = [];

    public List<(string Link, string PointsTo)> Symlinks { get; } = [];

    public List<string> Options { get; } = [];

    public List<string> Mutations { get; } = [];

    /// <summary>The file to change: mostly the primary one, sometimes another file of a folder seed.</summary>
    public CaseFile? PickFile(Random random) =>
        Files.Count > 1 && random.Next(4) == 0 ? Files[random.Next(Files.Count)] : Primary ?? (Files.Count > 0 ? Files[random.Next(Files.Count)] : null);

    /// <summary>The folder holding the target (the case folder itself for a single file).</summary>
    public string TargetFolder => Target == "." ? "." : Path.GetDirectoryName(Target) is { Length: > 0 } folder ? folder : ".";
}
