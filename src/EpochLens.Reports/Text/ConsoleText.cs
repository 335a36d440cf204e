using System.Globalization;
using Spectre.Console;

namespace EpochLens.Reports.Text;

/// <summary>
/// The one way text reaches the terminal. Text from a log (tag, column and file names, JSON keys, excerpts of damaged
/// lines) is made safe here: Spectre markup escaped, so "[red]" is shown rather than obeyed, and control characters
/// (ESC, BEL, C1 controls, line breaks) shown as \xNN instead of being written, so a name cannot recolour, retitle
/// or clear the user's terminal. Every command's console output goes through <see cref="Safe"/>,
/// <see cref="Markup(FormattableString)"/> or, for lines written past the markup parser, <see cref="Plain"/>.
/// </summary>
public static class ConsoleText
{
    /// <summary>A line written as it is (no markup, never wrapped, for scripts to read), its control characters shown as \xNN.</summary>
    public static string Plain(string? text) => ReportText.Printable(text);

    /// <summary>Plain text as markup that prints it literally.</summary>
    public static string Safe(string? text) => Spectre.Console.Markup.Escape(ReportText.Printable(text));

    /// <summary>
    /// Markup whose literal parts are trusted (colours, bold) and whose every interpolated value is made
    /// <see cref="Safe"/> after formatting: the safe counterpart of Spectre's <c>MarkupInterpolated</c>.
    /// </summary>
    public static string Markup(FormattableString markup)
    {
        ArgumentNullException.ThrowIfNull(markup);
        return string.Format(SafeFormatter.Instance, markup.Format, markup.GetArguments());
    }

    /// <summary>Formats each argument invariantly, then makes the result safe.</summary>
    private sealed class SafeFormatter : IFormatProvider, ICustomFormatter
    {
        public static readonly SafeFormatter Instance = new();

        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider) =>
            Safe(arg is IFormattable formattable ? formattable.ToString(format, CultureInfo.InvariantCulture) : arg?.ToString());
    }
}
