using Spectre.Console;

namespace EpochLens.Reports.Text;

/// <summary>
/// Text from a log (tag names, file names) made safe for the terminal: Spectre markup escaped, and control
/// characters shown as \xNN instead of being written, so a name cannot carry escape sequences that recolour,
/// retitle or clear the user's terminal.
/// </summary>
internal static class ConsoleText
{
    public static string Safe(string? text) => Markup.Escape(ReportText.Printable(text));
}
