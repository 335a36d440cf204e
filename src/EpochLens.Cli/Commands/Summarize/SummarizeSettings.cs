using EpochLens.Cli.Commands.Analyze;

namespace EpochLens.Cli.Commands.Summarize;

/// <summary>The options of <c>epochlens summarize</c>; their descriptions are its --help.</summary>
public sealed class SummarizeSettings : CommonSettings
{
    [CommandArgument(0, "<FILES>")]
    [Description("The shards' outputs of 'epochlens analyze DIR --shard K/N --output jsonl' (e.g. out/*.jsonl), or a folder of them.")]
    public string[] Files { get; init; } = [];

    [CommandOption("--json")]
    [Description("Write the merged sweep as one JSON document (docs/diagnosis-json.md) instead of the summary; the same as --output json.")]
    public bool Json { get; init; }

    [CommandOption("-o|--output <REPORT>")]
    [Description("What to write to standard output: console (the summary, default), json, jsonl or md, as 'analyze' writes them for a folder of runs.")]
    public ReportFormat? Output { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Also write one self-contained HTML report: the summary table at the top, linking to each run's section.")]
    public string? Html { get; init; }

    [CommandOption("--details")]
    [Description("Show the full verdict of every run, with every measurement, not only of those with findings.")]
    public bool Details { get; init; }

    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Exit with code 1 when any run has a finding at or above this severity: none (never, the default), low, medium or high.")]
    public SeverityLevel FailOn { get; init; } = SeverityLevel.None;

    /// <summary>What goes to standard output, --json and --output taken together.</summary>
    public ReportFormat Report => ReportChoice.Of(Json, Output);

    public override ValidationResult Validate()
    {
        if (Files.Length == 0 || Files.Any(string.IsNullOrWhiteSpace))
            return ValidationResult.Error("give the shards' JSON Lines files to merge");

        if (ReportChoice.Check(Json, Output, FailOn) is { } reportError) return reportError;

        if (Html is { } html && string.IsNullOrWhiteSpace(html))
            return ValidationResult.Error("--html needs a file name");

        return ValidationResult.Success();
    }
}
