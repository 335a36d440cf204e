using System.Globalization;

namespace EpochLens.Reports.Text;

/// <summary>The phrases every report shares, so the console, Markdown and HTML say the same thing the same way.</summary>
internal static class ReportText
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>A p-value as people read it: "p = 0.003", "p &lt; 1e-12".</summary>
    public static string P(double p) => p switch
    {
        < 1e-12 => "p < 1e-12",
        < 0.001 => "p = " + p.ToString("0.0e0", Invariant),
        _ => "p = " + p.ToString("0.###", Invariant),
    };

    /// <summary>"high (p &lt; 1e-12)".</summary>
    public static string Confidence(Confidence confidence) => $"{Kebab(confidence.Level.ToString())} ({P(confidence.PValue)})";

    public static string Severity(SeverityLevel level) => Kebab(level.ToString());

    public static string Impact(Impact impact) => Kebab(impact.ToString());

    public static string Outcome(DiagnosisOutcome outcome) => Kebab(outcome.ToString());

    public static string Number(double value, string format = "G4") => double.IsFinite(value) ? value.ToString(format, Invariant) : "-";

    public static string Number(double? value, string format = "G4") => value is { } v ? Number(v, format) : "-";

    public static string Count(long value) => value.ToString("N0", Invariant);

    /// <summary>"NoStructure" to "no-structure", "LogOnly" to "log-only".</summary>
    public static string Kebab(string pascal)
    {
        var text = new System.Text.StringBuilder(pascal.Length + 4);
        for (int i = 0; i < pascal.Length; i++)
        {
            if (char.IsUpper(pascal[i]) && i > 0) text.Append('-');

            text.Append(char.ToLowerInvariant(pascal[i]));
        }

        return text.ToString();
    }

    /// <summary>
    /// Text with its control characters shown as \xNN: a name from a log may hold terminal escapes or line breaks,
    /// which no report should pass on (a terminal would obey them, XML forbids them, a table row would break).
    /// </summary>
    public static string Printable(string? text)
    {
        if (string.IsNullOrEmpty(text)) return "";

        System.Text.StringBuilder? cleaned = null;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsControl(c) || c is '\u2028' or '\u2029')
            {
                cleaned ??= new System.Text.StringBuilder(text, 0, i, text.Length + 8);
                cleaned.Append(Invariant, $"\\x{(int)c:X2}");
            }
            else
            {
                cleaned?.Append(c);
            }
        }

        return cleaned?.ToString() ?? text;
    }

    /// <summary>The run's name in headings: the series and where it was read from.</summary>
    public static string RunTitle(RunDiagnosis run) => $"{run.Metric} in {run.Source} ({run.Format})";

    /// <summary>The findings that name a cause (not the "none" finding of a run without structure).</summary>
    public static IEnumerable<Finding> CauseFindings(RunDiagnosis run) =>
        run.Outcome == DiagnosisOutcome.CannotTell ? [] : run.Findings.Where(f => f.Cause != CauseId.None);
}
