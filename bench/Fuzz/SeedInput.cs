namespace EpochLens.Bench.Fuzz;

/// <summary>A clean log the mutations start from: one file, or a folder (a TensorBoard run, an MLflow store, telemetry).</summary>
internal sealed record SeedInput(string Name, IReadOnlyList<(string Path, byte[] Content)> Files, string Primary, string Target)
{
    public FuzzCase Instantiate(int index) =>
        new(index, Name, [.. Files.Select(f => new CaseFile(f.Path, (byte[])f.Content.Clone()))], Primary, Target);

    public static SeedInput OneFile(string name, string fileName, byte[] content) => new(name, [(fileName, content)], fileName, fileName);
}
