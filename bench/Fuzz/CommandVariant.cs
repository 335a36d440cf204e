namespace EpochLens.Bench.Fuzz;

/// <summary>The ways a case runs the CLI; case i takes variant i mod 4, so each sees every kind of damage.</summary>
internal sealed record CommandVariant(string Command, string[] Options)
{
    public static IReadOnlyList<CommandVariant> All { get; } =
    [
        new("analyze", ["--json"]),
        new("analyze", []),
        new("inspect", []),
        new("analyze", ["--output", "md"]),
    ];
}
