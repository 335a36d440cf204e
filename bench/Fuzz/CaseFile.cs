namespace EpochLens.Bench.Fuzz;

/// <summary>One file of a case: its path inside the case folder and its bytes.</summary>
internal sealed class CaseFile(string path, byte[] content)
{
    public string Path { get; set; } = path;

    public byte[] Content { get; set; } = content;

    public FileKind Kind => FileKinds.Of(Path);

    public bool IsGzip => Path.EndsWith(".gz", StringComparison.Ordinal);
}
