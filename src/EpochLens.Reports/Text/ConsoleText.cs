using System.Globalization;
using System.Text;
using Spectre.Console;

namespace EpochLens.Reports.Text;

/// <summary>
/// Text from a log (tag names, file names) made safe for the terminal: Spectre markup escaped, and control
/// characters shown as \xNN instead of being written, so a name cannot carry escape sequences that recolour,
/// retitle or clear the user's terminal.
/// </summary>
internal static class ConsoleText
{
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        StringBuilder? cleaned = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                cleaned ??= new StringBuilder(text, 0, i, text.Length + 8);
                cleaned.Append(CultureInfo.InvariantCulture, $"\\x{(int)c:X2}");
            }
            else
            {
                cleaned?.Append(c);
            }
        }

        return Markup.Escape(cleaned?.ToString() ?? text);
    }
}
