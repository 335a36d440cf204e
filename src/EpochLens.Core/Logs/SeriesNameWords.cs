namespace EpochLens.Logs;

/// <summary>
/// The words a series' name is made of ("train/loss_step" is train, loss, step), and those that mark it as measured
/// on held-out data: the readers' role guesses and the choice of the loss to diagnose read names the same way.
/// </summary>
internal static class SeriesNameWords
{
    private static readonly char[] Separators = ['/', '_', '-', '.', ' ', ':'];

    /// <summary>Words that mark a held-out series: "val/loss", "eval_loss", "Loss/test", "holdout-loss".</summary>
    public static IReadOnlySet<string> HeldOut { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "val", "valid", "validation", "eval", "evaluation", "test", "dev", "holdout", "heldout",
    };

    /// <summary>The name's words, lower case.</summary>
    public static string[] Of(string name) => name.ToLowerInvariant().Split(Separators, StringSplitOptions.RemoveEmptyEntries);

    public static bool AnyHeldOut(string[] words) => words.Any(HeldOut.Contains);
}
