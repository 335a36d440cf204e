namespace EpochLens.Cli.Commands;

/// <summary>The folder a command writes into when --out names none: one per start, named after the local time.</summary>
internal static class RunFolderName
{
    /// <summary><paramref name="parent"/>/<paramref name="prefix"/>yyyyMMdd-HHmmss, so that the runs sort by time.</summary>
    public static string New(string parent, string prefix = "") =>
        Path.Combine(parent, prefix + DateTime.Now.ToString("yyyyMMdd-HHmmss", CultureInfo.InvariantCulture));
}
