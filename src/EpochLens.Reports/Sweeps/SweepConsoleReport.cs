using EpochLens.Reports.Text;
using Spectre.Console;
using static EpochLens.Reports.Text.ConsoleText;

namespace EpochLens.Reports.Sweeps;

/// <summary>
/// A sweep in the terminal: the headline and one line per run, worst first; what was skipped and why; then the full
/// verdict of each run with findings (of every run with details). Text from logs goes through <see cref="Safe"/>.
/// </summary>
public static class SweepConsoleReport
{
    private static readonly string[] Header = ["#", "run", "format", "points", "epoch", "cause", "conf.", "severity", "impact"];

    /// <param name="details">The full verdict of every run, with every measurement, instead of only those with findings.</param>
    public static void Render(IAnsiConsole console, SweepReport sweep, bool details = false)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(sweep);
        var lines = console.Profile.Out.Writer;
        lines.WriteLine(Plain($"Sweep: {SweepRow.Headline(sweep)}"));
        if (sweep.Runs.Count > 0)
        {
            // Plain aligned lines, never wrapped: one line per run whatever the width, so grep and sort work on them.
            var rows = new List<string[]> { Header };
            for (int i = 0; i < sweep.Runs.Count; i++)
            {
                var r = SweepRow.Of(sweep.Runs[i], sweep);
                rows.Add([(i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Plain(r.Run), Plain(r.Format), r.Points, Plain(r.Epochs), Plain(r.Cause), r.Confidence, r.Severity, r.Impact]);
            }

            var widths = Enumerable.Range(0, rows[0].Length).Select(c => rows.Max(row => row[c].Length)).ToArray();
            lines.WriteLine();
            for (int i = 0; i < rows.Count; i++)
            {
                lines.WriteLine(Line(rows[i], widths));
                if (i == 0) lines.WriteLine(Line([.. widths.Select(w => new string('-', w))], widths));
            }
        }

        if (sweep.Skipped.Count > 0)
        {
            lines.WriteLine();
            lines.WriteLine(Plain($"Skipped ({sweep.Skipped.Count}):"));
            foreach (var s in sweep.Skipped) lines.WriteLine(Plain($"  {sweep.Inside(s.Source)}: {s.Reason}"));
        }

        for (int i = 0; i < sweep.Runs.Count; i++)
        {
            var run = sweep.Runs[i];
            if (details || SweepOrder.Worst(run) is not null)
            {
                console.WriteLine();
                ConsoleHeading.Write(console, Safe($"{i + 1}. {run.Source}"));
                ConsoleReport.Render(console, run, details);
            }
        }
    }

    /// <summary>Cells padded to their column's width: numbers (the first and the points) to the right.</summary>
    private static string Line(string[] cells, int[] widths) =>
        "  " + string.Join("  ", cells.Select((cell, c) => c is 0 or 3 ? cell.PadLeft(widths[c]) : cell.PadRight(widths[c]))).TrimEnd();
}
