using EpochLens.Cli.CommandLine;

namespace EpochLens.Cli.Commands;

/// <summary>
/// The options of the commands that read a log and diagnose it (analyze, watch): which series and its epochs,
/// turned into <see cref="DiagnosisOptions"/> and checked in one place.
/// </summary>
/// <remarks>
/// --steps-per-epoch and --format are declared by each command (abstract here): their help says what the command does
/// with them, and Spectre refuses an option declared twice, even by an override.
/// </remarks>
public abstract class DiagnosingSettings : ReadingSettings
{
    /// <summary>--steps-per-epoch: overrides the epoch length the log says or the loss suggests.</summary>
    public abstract double? StepsPerEpoch { get; init; }

    /// <summary>--format (or --input-format): the reader id to read the log with instead of detecting it.</summary>
    public abstract string? Format { get; init; }

    [CommandOption("--metric|--tag <NAME>")]
    [Description("The series to diagnose (a TensorBoard tag, CSV column or JSON key). Default: the training loss.")]
    public string? Metric { get; init; }

    [CommandOption("--no-infer")]
    [Description("Do not infer the epoch length from the loss when the log does not say it.")]
    public bool NoInfer { get; init; }

    /// <summary>How to diagnose the log as these options say.</summary>
    public DiagnosisOptions DiagnosisOptions => new() { StepsPerEpoch = StepsPerEpoch, Metric = Metric, InferEpochs = !NoInfer, Spell = SettingFlags.Spell };

    /// <summary>The error for an epoch length that is no length, or null.</summary>
    protected ValidationResult? ValidateStepsPerEpoch() =>
        StepsPerEpoch is { } n && !(n >= 1 && double.IsFinite(n)) ? ValidationResult.Error($"--steps-per-epoch must be at least 1, not {n}") : null;
}
