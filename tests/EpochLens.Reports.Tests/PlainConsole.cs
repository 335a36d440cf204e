using Spectre.Console;

namespace EpochLens.Reports.Tests;

/// <summary>A console as a pipe or NO_COLOR gives it: no colour, no ANSI codes, not interactive, a fixed width.</summary>
internal static class PlainConsole
{
    public static string Render(Action<IAnsiConsole> render, int width = 80)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = width;
        render(console);
        return writer.ToString();
    }
}
