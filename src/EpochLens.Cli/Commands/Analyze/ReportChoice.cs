namespace EpochLens.Cli.Commands.Analyze;

/// <summary>--json and --output as analyze and summarize both take them: which report goes to standard output, and when they disagree.</summary>
internal static class ReportChoice
{
    /// <summary>What goes to standard output: JSON for --json, else --output, else <paramref name="otherwise"/> or the console verdict.</summary>
    public static ReportFormat Of(bool json, ReportFormat? output, ReportFormat? otherwise = null) =>
        json ? ReportFormat.Json : output ?? otherwise ?? ReportFormat.Console;

    /// <summary>The error for --json beside another --output, or for a --fail-on or --output given as a number; null when all is well.</summary>
    public static ValidationResult? Check(bool json, ReportFormat? output, SeverityLevel failOn)
    {
        if (json && output is { } other && other != ReportFormat.Json)
            return ValidationResult.Error($"--json and --output {other.ToString().ToLowerInvariant()} ask for two different reports on standard output; give one");

        // An enum converter also takes numbers; only the named values mean anything here.
        return !Enum.IsDefined(failOn) || (output is { } named && !Enum.IsDefined(named))
            ? ValidationResult.Error("--fail-on takes none, low, medium or high; --output takes console, json, jsonl or md")
            : null;
    }
}
