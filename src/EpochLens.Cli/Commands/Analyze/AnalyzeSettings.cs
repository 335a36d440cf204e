using System.ComponentModel;
using Spectre.Console;
using Spectre.Console.Cli;

namespace EpochLens.Cli.Commands.Analyze;

/// <summary>The options of <c>epochlens analyze</c>; their descriptions are its --help.</summary>
public sealed class AnalyzeSettings : CommandSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("A log file (TensorBoard event file, CSV, JSON Lines, trainer_state.json, MLflow run, console log, EpochLens telemetry) or a folder searched for logs.")]
    public string Path { get; init; } = "";

    [CommandOption("--steps-per-epoch <N>")]
    [Description("Steps per epoch (optimizer steps, as the log counts them). Overrides what the log says; without it the epochs are read from the log or inferred from the loss.")]
    public double? StepsPerEpoch { get; init; }

    [CommandOption("--metric|--tag <NAME>")]
    [Description("The series to diagnose (a TensorBoard tag, CSV column or JSON key). Default: the training loss.")]
    public string? Metric { get; init; }

    [CommandOption("--json")]
    [Description("Write the diagnosis as JSON (schema in docs/diagnosis-json.md) to standard output instead of the console verdict.")]
    public bool Json { get; init; }

    [CommandOption("--details")]
    [Description("Also show every measurement and why each other cause was ruled out.")]
    public bool Details { get; init; }

    [CommandOption("--no-infer")]
    [Description("Do not infer the epoch length from the loss when the log does not say it.")]
    public bool NoInfer { get; init; }

    [CommandOption("--format <FORMAT>")]
    [Description("Read as this format instead of detecting it (the list is in 'epochlens inspect --help').")]
    public string? Format { get; init; }

    [CommandOption("--step-column <NAME>")]
    [Description("The CSV column or JSON key that holds the step.")]
    public string? StepColumn { get; init; }

    [CommandOption("--epoch-column <NAME>")]
    [Description("The CSV column or JSON key that holds the epoch.")]
    public string? EpochColumn { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Path))
        {
            return ValidationResult.Error("give a log file or folder to analyze");
        }

        if (StepsPerEpoch is { } n && !(n >= 1 && double.IsFinite(n)))
        {
            return ValidationResult.Error($"--steps-per-epoch must be at least 1, not {n}");
        }

        return ValidationResult.Success();
    }
}
