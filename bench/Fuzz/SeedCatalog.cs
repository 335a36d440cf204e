namespace EpochLens.Bench.Fuzz;

/// <summary>
/// The clean inputs: every reader fixture of the test suite (real logs of each format), the folder-shaped ones as
/// folders, and a few generated logs (see <see cref="GeneratedSeeds"/>).
/// </summary>
internal static class SeedCatalog
{
    /// <summary>Fixtures that are a log only as a folder; the main file of each is what most mutations change.</summary>
    private static readonly (string Folder, string Primary)[] FolderSeeds =
    [
        ("mlflow-run", "mlruns/0/4a5b6c7d8e9f40aa8bb1c2d3e4f5a6b7/metrics/train/loss"),
        ("telemetry-run", "steps.csv"),
        ("harness-runs/healthy", "steps.csv"),
        ("tb-resumed", "events.out.tfevents.1795566109.vm.457.4"),
        ("tb-summarywriter", "events.out.tfevents.1795566109.vm.457.0"),
        ("hf-trainer", "trainer_state.json"),
    ];

    private const int MaxFileBytes = 400 << 10;

    public static IReadOnlyList<SeedInput> Load(string fixtures)
    {
        if (!Directory.Exists(fixtures))
        {
            throw new DirectoryNotFoundException($"no fixture folder at {fixtures} (give --seeds)");
        }

        var seeds = new List<SeedInput>();
        foreach (var (folder, primary) in FolderSeeds)
        {
            string root = Path.Combine(fixtures, folder);
            var files = Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .Order(StringComparer.Ordinal)
                .Select(f => (Path.GetRelativePath(root, f).Replace('\\', '/'), File.ReadAllBytes(f)))
                .ToList();
            seeds.Add(new SeedInput(folder, files, primary, "."));
        }

        foreach (var file in Directory.EnumerateFiles(fixtures, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            string relative = Path.GetRelativePath(fixtures, file).Replace('\\', '/');
            if (relative.StartsWith("mlflow-run/", StringComparison.Ordinal) || file.EndsWith(".py", StringComparison.Ordinal)
                || file.EndsWith(".sh", StringComparison.Ordinal) || Path.GetFileName(file) == "SOURCES.md"
                || new FileInfo(file).Length is 0 or > MaxFileBytes)
            {
                continue;
            }

            seeds.Add(SeedInput.OneFile(relative, Path.GetFileName(file), File.ReadAllBytes(file)));
        }

        seeds.AddRange(GeneratedSeeds.All());
        return seeds;
    }

    /// <summary>The test fixtures, found from the repository root above the running program.</summary>
    public static string DefaultFixtures()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "EpochLens.slnx")))
            {
                return Path.Combine(folder.FullName, "tests", "EpochLens.Core.Tests", "Fixtures");
            }
        }

        throw new DirectoryNotFoundException("the repository root (EpochLens.slnx) is not above this program: give --seeds");
    }
}
