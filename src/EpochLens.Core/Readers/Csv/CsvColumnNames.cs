namespace EpochLens.Readers.Csv;

/// <summary>What a column's name says it holds: the conventions of the tools that write training CSVs.</summary>
internal static class CsvColumnNames
{
    /// <summary>Step column names, most specific first (W&amp;B exports "Step"; Lightning "step"; loops "iteration").</summary>
    private static readonly string[] StepNames =
        ["step", "global_step", "_step", "trainer/global_step", "train/global_step", "iteration", "iter", "iterations", "steps", "it", "training_iteration"];

    private static readonly string[] EpochNames = ["epoch", "epochs", "_epoch", "trainer/epoch", "train/epoch"];

    /// <summary>Seconds since the Unix epoch (TensorBoard's CSV download "Wall time", W&amp;B "_timestamp").</summary>
    private static readonly string[] WallTimeNames = ["wall time", "wall_time", "walltime", "_timestamp", "timestamp"];

    /// <summary>Words that may stand beside "loss" in the name of the plain training loss.</summary>
    private static readonly HashSet<string> TrainLossWords = new(StringComparer.Ordinal)
        { "loss", "train", "training", "trainer", "total", "avg", "mean" };

    /// <summary>W&amp;B's chart export writes "&lt;run&gt; - &lt;metric&gt;" per run, with __MIN and __MAX companions.</summary>
    public const string RunSeparator = " - ";

    public static int StepRank(string name) => Rank(StepNames, name);

    public static bool IsEpoch(string name) => Rank(EpochNames, name) >= 0;

    public static bool IsWallTime(string name) => Rank(WallTimeNames, name) >= 0;

    /// <summary>W&amp;B's per-run copy of its own step counter: the export's Step column already holds it.</summary>
    public static bool IsWandbStepCompanion(string metric) =>
        metric.Equals("_step", StringComparison.Ordinal) || metric.StartsWith("_step__", StringComparison.Ordinal);

    public static bool IsMinMaxCompanion(string metric) =>
        metric.EndsWith("__MIN", StringComparison.Ordinal) || metric.EndsWith("__MAX", StringComparison.Ordinal);

    /// <summary>The role a metric's name announces; <paramref name="baseName"/> is the name without a Lightning _step/_epoch suffix.</summary>
    public static SeriesRole RoleOf(string baseName)
    {
        var words = SeriesNameWords.Of(baseName);
        return words.Contains("loss") ? SeriesNameWords.AnyHeldOut(words) ? SeriesRole.HeldOutLoss
                : words.All(TrainLossWords.Contains) ? SeriesRole.TrainLoss : SeriesRole.Other
            : words.Contains("lr") || (words.Contains("learning") && words.Contains("rate")) ? SeriesRole.LearningRate
            : words.Contains("grad") && words.Contains("norm") ? SeriesRole.GradNorm
            : words.Contains("batch") && words.Contains("size") ? SeriesRole.BatchSize : SeriesRole.Other;
    }

    private static int Rank(string[] names, string name) => Array.FindIndex(names, n => string.Equals(n, name, StringComparison.OrdinalIgnoreCase));
}
