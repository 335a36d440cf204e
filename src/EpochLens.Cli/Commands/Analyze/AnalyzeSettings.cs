using EpochLens.Sweeps;

namespace EpochLens.Cli.Commands.Analyze;

/// <summary>The options of <c>epochlens analyze</c>; their descriptions are its --help.</summary>
public sealed class AnalyzeSettings : DiagnosingSettings
{
    /// <summary>
    /// Report formats --format takes as the output's format: no reader has these ids (the JSON Lines reader is
    /// jsonl), so `--format json` can mean the report while `--format csv` still names the input.
    /// </summary>
    private static readonly Dictionary<string, ReportFormat> ReportFormats = new(StringComparer.OrdinalIgnoreCase)
    {
        ["json"] = ReportFormat.Json,
        ["md"] = ReportFormat.Md,
        ["markdown"] = ReportFormat.Md,
        ["console"] = ReportFormat.Console,
    };

    [CommandArgument(0, "<PATH>")]
    [Description("A log file (TensorBoard event file, CSV, JSON Lines, trainer_state.json, MLflow run, console log, EpochLens telemetry) or a folder searched for logs.")]
    public string Path { get; init; } = "";

    [CommandOption("--steps-per-epoch <N>")]
    [Description("Steps per epoch (optimizer steps, as the log counts them). Overrides what the log says; without it the epochs are read from the log or inferred from the loss.")]
    public override double? StepsPerEpoch { get; init; }

    [CommandOption("--json")]
    [Description("Write the diagnosis as JSON (schema in docs/diagnosis-json.md) to standard output instead of the console verdict; the same as --output json.")]
    public bool Json { get; init; }

    [CommandOption("-o|--output <REPORT>")]
    [Description("What to write to standard output: console (the verdict, default), json (docs/diagnosis-json.md), jsonl (one run a line, for streaming and for 'epochlens summarize') or md (a Markdown summary for an issue or pull request). Not to be confused with --format, which names the input's format.")]
    public ReportFormat? Output { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Also write a self-contained HTML report with the figures (the curve with its epochs, phase profile, boundary event study, periodogram, each finding's evidence) to FILE.")]
    public string? Html { get; init; }

    [CommandOption("--plots <DIR>")]
    [Description("Also write the main figures as PNG and SVG files into DIR (created when missing).")]
    public string? Plots { get; init; }

    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Exit with code 1 when a finding's severity is at or above this: none (never, the default), low, medium or high. For pipelines.")]
    public SeverityLevel FailOn { get; init; } = SeverityLevel.None;

    /// <summary>What goes to standard output, --json, --output and a report format given to --format taken together.</summary>
    public ReportFormat Report => ReportChoice.Of(Json, Output, FormatAsReport);

    /// <summary>The input format to read the log as: --format unless it named a report format.</summary>
    public string? InputFormat => FormatAsReport is null ? Format : null;

    private ReportFormat? FormatAsReport => Format is { } format && ReportFormats.TryGetValue(format.Trim(), out var report) ? report : null;

    [CommandOption("--details")]
    [Description("Also show every measurement and why each other cause was ruled out; for a folder of runs, the full verdict of every run, not only of those with findings.")]
    public bool Details { get; init; }

    [CommandOption("--shard <K/N>")]
    [Description("Analyse only the K-th of N shards of the runs under a folder (K from 1 to N): each run's shard comes from a hash of its path inside the folder, the same on every machine. For Slurm job arrays and Kubernetes Indexed Jobs; 'epochlens summarize' merges the shards' --output jsonl files.")]
    public string? Shard { get; init; }

    [CommandOption("-j|--jobs <N>")]
    [Description("How many runs of a folder to read and diagnose at once. Default: one per core.")]
    public int? Jobs { get; init; }

    /// <summary>The shard --shard names; the whole sweep without it (Validate has refused a malformed one).</summary>
    public SweepShard SweepShard => Shard is { } text && SweepShard.TryParse(text, out var shard, out _) ? shard : SweepShard.All;

    [CommandOption("--format|--input-format <FORMAT>")]
    [Description("Read the log as this format instead of detecting it (a reader id: the list is in 'epochlens inspect --help'); --input-format is the same option. A report format (json, md, console) is taken as --output instead.")]
    public override string? Format { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) return ValidationResult.Error("give a log file or folder to analyze");

        if (ValidateStepsPerEpoch() is { } epochError) return epochError;

        if (ReportChoice.Check(Json, Output, FailOn) is { } reportError) return reportError;

        if (Format is { } format && format.Trim().Equals("html", StringComparison.OrdinalIgnoreCase))
            return ValidationResult.Error("an HTML report goes to a file: use --html FILE (--format names the log's format, or the report on standard output: console, json, md)");

        if (FormatAsReport is { } asked && (Output is { } other && other != asked || Json && asked != ReportFormat.Json))
            return ValidationResult.Error($"--format {Format} and {(Json ? "--json" : $"--output {Output.ToString()!.ToLowerInvariant()}")} ask for two different reports on standard output; give one");

        if (Shard is { } shard && !SweepShard.TryParse(shard, out _, out string shardError))
            return ValidationResult.Error($"--shard {shardError}");

        if (Jobs is { } jobs && jobs is < 1 or > 1024)
            return ValidationResult.Error($"--jobs must be from 1 to 1024, not {jobs}");

        if (Html is { } html && string.IsNullOrWhiteSpace(html))
            return ValidationResult.Error("--html needs a file name");

        if (Plots is { } plots && string.IsNullOrWhiteSpace(plots))
            return ValidationResult.Error("--plots needs a folder");

        return ValidateMemoryBudget() ?? ValidationResult.Success();
    }
}
