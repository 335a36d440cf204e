using System.Globalization;

namespace EpochLens.Bench.Fuzz;

/// <summary>
/// Usage: dotnet run --project bench/Fuzz -c Release -- [--cases N] [--first I] [--seed S] [--jobs J] [--case I]
/// [--cli epochlens.dll] [--seeds FIXTURES] [--out DIR] [--timeout SECONDS] [--memory-mb MB] [--heap-mb MB] [--keep].
/// Prints the outcome counts and every defect with the command that repeats it; exits 1 when there is a defect.
/// </summary>
internal static class Program
{
    public static int Main(string[] args)
    {
        FuzzOptions options;
        try
        {
            options = Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or FileNotFoundException or DirectoryNotFoundException)
        {
            Console.Error.WriteLine($"fuzz: {e.Message}");
            return 2;
        }

        var summary = FuzzRun.Execute(options, Console.Error);
        Console.Write(summary.Render());
        File.WriteAllText(Path.Combine(options.Output, $"summary-seed{options.Seed}-{options.First}-{options.Cases}.txt"), summary.Render());
        return summary.Defects.Count == 0 ? 0 : 1;
    }

    private static FuzzOptions Parse(string[] args)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        bool keep = false;
        for (int i = 0; i < args.Length; i++)
        {
            if (args[i] == "--keep")
            {
                keep = true;
            }
            else if (args[i].StartsWith("--", StringComparison.Ordinal) && i + 1 < args.Length)
            {
                values[args[i]] = args[++i];
            }
            else
            {
                throw new ArgumentException($"unknown argument '{args[i]}' (see the usage in bench/Fuzz/Program.cs)");
            }
        }

        int Int(string name, int fallback) => values.TryGetValue(name, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : fallback;
        string cli = values.GetValueOrDefault("--cli") ?? DefaultCli();
        if (!File.Exists(cli))
        {
            throw new FileNotFoundException($"no built CLI at {cli}: run 'dotnet build src/EpochLens.Cli -c Release' first, or give --cli");
        }

        bool single = values.ContainsKey("--case");
        return new FuzzOptions
        {
            Seed = Int("--seed", 1),
            First = single ? Int("--case", 0) : Int("--first", 0),
            Cases = single ? 1 : Int("--cases", 300),
            Jobs = Math.Max(1, Int("--jobs", Environment.ProcessorCount)),
            Cli = Path.GetFullPath(cli),
            Seeds = values.GetValueOrDefault("--seeds") ?? SeedCatalog.DefaultFixtures(),
            Output = Path.GetFullPath(values.GetValueOrDefault("--out") ?? Path.Combine(Path.GetTempPath(), "epochlens-fuzz")),
            TimeLimit = TimeSpan.FromSeconds(Int("--timeout", 30)),
            MemoryLimitBytes = (long)Int("--memory-mb", 2048) << 20,
            HeapLimitBytes = (long)Int("--heap-mb", 512) << 20,
            KeepAll = keep || single,
        };
    }

    private static string DefaultCli()
    {
        string fixtures = SeedCatalog.DefaultFixtures();
        string root = Path.GetFullPath(Path.Combine(fixtures, "..", "..", ".."));
        return Path.Combine(root, "src", "EpochLens.Cli", "bin", "Release", "net10.0", "epochlens.dll");
    }
}
