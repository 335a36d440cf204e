namespace EpochLens.Bench.Fuzz;

/// <summary>How a fuzz run goes; the defaults are the README's long run but for the number of cases.</summary>
internal sealed record FuzzOptions
{
    public int Seed { get; init; } = 1;

    public int First { get; init; }

    public int Cases { get; init; } = 300;

    public int Jobs { get; init; } = Environment.ProcessorCount;

    /// <summary>The built CLI (epochlens.dll), run with dotnet.</summary>
    public required string Cli { get; init; }

    public required string Seeds { get; init; }

    /// <summary>Case folders, and the failing ones kept, go here.</summary>
    public required string Output { get; init; }

    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Peak resident memory a case may reach.</summary>
    public long MemoryLimitBytes { get; init; } = 2L << 30;

    /// <summary>
    /// The .NET heap limit each case runs under (DOTNET_GCHeapHardLimit; 0 for none): a machine with this much memory,
    /// as a container limit gives. The tool sizes its memory budget from it: half of 512 MiB holds 2 million points,
    /// which a bomb of valid rows fills and the analysis takes 5-10 s over on a 2-core machine under a load of 30
    /// (with 1 GiB, 4 million points took 16 s, and a few bombs passed 30 s under that load).
    /// </summary>
    public long HeapLimitBytes { get; init; } = 512L << 20;

    /// <summary>Keep every case folder, not only the defective ones.</summary>
    public bool KeepAll { get; init; }
}
