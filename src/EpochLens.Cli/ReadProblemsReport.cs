using EpochLens.Readers;
using EpochLens.Reports.Text;
using Spectre.Console;

namespace EpochLens.Cli;

/// <summary>
/// What the readers had to skip, summarised per file and kind, with the first few problems in full. File names and
/// excerpts of damaged lines come from the log: they are written through <see cref="ConsoleText"/>.
/// </summary>
internal static class ReadProblemsReport
{
    private const int ProblemsShown = 10;

    /// <param name="console">Where to write: standard error.</param>
    /// <param name="problems">The problems met.</param>
    /// <param name="sayWhenNone">Print a line even when nothing went wrong.</param>
    public static void Render(IAnsiConsole console, ProblemLog problems, bool sayWhenNone = false)
    {
        if (problems.Total == 0)
        {
            if (sayWhenNone)
            {
                console.MarkupLine("No problems met while reading.");
            }

            return;
        }

        console.WriteLine();
        console.MarkupLine(ConsoleText.Markup($"[yellow]{problems.Total:N0} problem(s) met while reading[/] (the rest was read):"));
        foreach (var ((file, kind), count) in problems.Counts.OrderBy(c => c.Key.File, StringComparer.Ordinal).ThenBy(c => c.Key.Kind))
        {
            console.MarkupLine(ConsoleText.Markup($"  {file}: {count:N0} x {kind}"));
        }

        foreach (var problem in problems.Kept.Take(ProblemsShown))
        {
            console.MarkupLine(ConsoleText.Markup($"  - {problem.ToString()}"));
        }

        if (problems.Kept.Count > ProblemsShown)
        {
            console.MarkupLine(ConsoleText.Markup($"  ... and {problems.Total - ProblemsShown:N0} more"));
        }
    }
}
