using EpochLens.Cli.Commands.Analyze;
using EpochLens.Reports;
using EpochLens.Reports.Sweeps;

namespace EpochLens.Cli.Commands;

/// <summary>What to make of a sweep: the report on standard output, the HTML file, the detail and the --fail-on threshold.</summary>
internal sealed record SweepOutputOptions(ReportFormat Report, string? Html, bool Details, SeverityLevel FailOn);

/// <summary>
/// Writes a sweep's reports and decides its exit code, for <c>analyze</c> on a folder of runs and for <c>summarize</c>
/// alike: the same runs give the same output whichever command gathered them.
/// </summary>
internal static class SweepOutput
{
    /// <param name="console">Standard output.</param>
    /// <param name="messages">Standard error.</param>
    public static int Write(IAnsiConsole console, IAnsiConsole messages, SweepReport sweep, SweepOutputOptions options)
    {
        switch (options.Report)
        {
            case ReportFormat.Json:
                using (var stdout = Console.OpenStandardOutput())
                {
                    JsonReport.Write(stdout, sweep.Runs, ToolVersion.Text, sweep.Skipped);
                    stdout.Flush();
                }

                break;
            case ReportFormat.Jsonl:
                SweepJsonLines.Write(Console.Out, sweep.Runs, sweep.Skipped);
                Console.Out.Flush();
                break;
            case ReportFormat.Md:
                Console.Out.Write(MarkdownReport.Render(sweep.Runs, ToolVersion.Text, sweep));
                Console.Out.Flush();
                break;
            default:
                SweepConsoleReport.Render(console, sweep, options.Details);
                break;
        }

        if (options.Html is { } html)
        {
            SweepHtmlReport.Write(html, sweep, ToolVersion.Text);
            messages.MarkupLine(ConsoleText.Markup($"HTML report: {Path.GetFullPath(html)}"));
        }

        if (SeverityGate.Trips(sweep.Runs, options.FailOn))
        {
            int tripped = sweep.Runs.Count(r => SeverityGate.Trips([r], options.FailOn));
            messages.MarkupLine(ConsoleText.Markup($"{tripped} run(s) have a finding at or above --fail-on {options.FailOn.ToString().ToLowerInvariant()}: exit code {ExitCodes.FindingAtOrAboveThreshold}."));
            return ExitCodes.FindingAtOrAboveThreshold;
        }

        return ExitCodes.Ok;
    }
}
