using Spectre.Console;

namespace EpochLens.Reports.Text;

/// <summary>
/// A section heading: a rule across the terminal, or, where the output has no width of its own (a file or a pipe,
/// written unwrapped), the title between short rules, so a heading is not thousands of characters of line.
/// </summary>
public static class ConsoleHeading
{
    /// <summary>Wider than this, the output is taken as unwrapped and gets the short heading.</summary>
    private const int WidestRule = 240;

    /// <param name="title">Markup (already made safe where it holds text from a log).</param>
    public static void Write(IAnsiConsole console, string title)
    {
        ArgumentNullException.ThrowIfNull(console);
        if (console.Profile.Width <= WidestRule)
        {
            console.Write(new Rule(title).LeftJustified());
            return;
        }

        console.MarkupLine($"[grey]──[/] {title} [grey]{new string('─', 8)}[/]");
    }
}
