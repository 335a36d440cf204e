using EpochLens.Readers;

namespace EpochLens.Cli;

/// <summary>
/// What the readers had to skip, summarised per file and kind, with the first few problems in full. File names and
/// excerpts of damaged lines come from the log: they are written through <see cref="ConsoleText"/>.
/// </summary>
internal static class ReadProblemsReport
{
    private const int ProblemsShown = 10;
    private const int FilesShown = 40;

    /// <param name="console">Where to write: standard error.</param>
    /// <param name="problems">The problems met.</param>
    /// <param name="sayWhenNone">Print a line even when nothing went wrong.</param>
    public static void Render(IAnsiConsole console, ProblemLog problems, bool sayWhenNone = false) => Render(console, [problems], sayWhenNone);

    /// <summary>The problems of several logs read apart (a sweep's runs), summed, in the order of the logs.</summary>
    public static void Render(IAnsiConsole console, IReadOnlyList<ProblemLog> logs, bool sayWhenNone = false)
    {
        int total = logs.Sum(l => l.Total);
        if (total == 0)
        {
            if (sayWhenNone) console.MarkupLine("No problems met while reading.");

            return;
        }

        console.WriteLine();
        console.MarkupLine(ConsoleText.Markup($"[yellow]{total:N0} problem(s) met while reading[/] (the rest was read):"));
        var counts = logs.SelectMany(l => l.Counts).OrderBy(c => c.Key.File, StringComparer.Ordinal).ThenBy(c => c.Key.Kind).ToList();
        foreach (var ((file, kind), count) in counts.Take(FilesShown))
            console.MarkupLine(ConsoleText.Markup($"  {file}: {count:N0} x {kind}"));

        if (counts.Count > FilesShown)
        {
            // A sweep of a thousand damaged runs would otherwise bury its summary under a thousand lines.
            console.MarkupLine(ConsoleText.Markup($"  ... and {counts.Count - FilesShown:N0} more files or kinds"));
        }

        var kept = logs.SelectMany(l => l.Kept).ToList();
        foreach (var problem in kept.Take(ProblemsShown))
            console.MarkupLine(ConsoleText.Markup($"  - {problem.ToString()}"));

        if (kept.Count > ProblemsShown)
            console.MarkupLine(ConsoleText.Markup($"  ... and {total - ProblemsShown:N0} more"));
    }
}
