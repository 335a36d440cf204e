namespace EpochLens.Bench.Fuzz;

/// <summary>Names that attack a terminal or a markup parser: escape sequences, bells, carriage returns, C1 controls, markup.</summary>
internal static class HostileText
{
    public static readonly string[] Names =
    [
        "\u001b[31mred\u001b[0m_loss", "loss\u001b]0;owned\u0007", "\u0007bell", "lo\rss", "\u009b31mloss", "[red]loss[/]", "[/]", "[[bold]]x",
        "loss\u001b[2J\u001b[H", "\u001b]8;;http://x\u001b\\link\u001b]8;;\u001b\\", "tab\tname", "del\u007fname", "nul\u0000name", "{0}", "loss\u202e",
    ];

    public static string Pick(Random random) => Names[random.Next(Names.Length)];

    /// <summary>A hostile name that can be a file name (no NUL, no slash; no backslash, which case paths treat as one).</summary>
    public static string PickFileName(Random random) =>
        Pick(random).Replace("\u0000", "", StringComparison.Ordinal).Replace('/', '_').Replace('\\', '_');
}
