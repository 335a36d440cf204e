namespace EpochLens.Cli.Commands.Watch;

/// <summary>The options of <c>epochlens watch</c>; their descriptions are its --help. Those shared with analyze mean the same.</summary>
public sealed class WatchSettings : DiagnosingSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("The log file or folder a run is writing (TensorBoard event files, CSV, JSON Lines, printed text, EpochLens telemetry); it may not exist yet.")]
    public string Path { get; init; } = "";

    [CommandOption("--steps-per-epoch <N>")]
    [Description("Steps per epoch: the run is diagnosed again as each epoch completes. Without it the epochs are read from the log or inferred from the loss; until they are known, the run is diagnosed at --interval, less often while the verdict stays the same.")]
    public override double? StepsPerEpoch { get; init; }

    [CommandOption("--format|--input-format <FORMAT>")]
    [Description("Read the log as this format instead of detecting it (a reader id, as in 'epochlens inspect --help').")]
    public override string? Format { get; init; }

    [CommandOption("--json-file <FILE>")]
    [Description("Keep FILE up to date with the latest diagnosis as JSON (docs/diagnosis-json.md); replaced whole at each diagnosis, never half-written.")]
    public string? JsonFile { get; init; }

    [CommandOption("--html <FILE>")]
    [Description("Keep FILE up to date with the latest HTML report; replaced whole at each diagnosis, never half-written.")]
    public string? Html { get; init; }

    [CommandOption("--fail-on <SEVERITY>")]
    [Description("Stop with exit code 1 as soon as a finding's severity is at or above this: none (never, the default), low, medium or high. A wrapper script can then stop the training.")]
    public SeverityLevel FailOn { get; init; } = SeverityLevel.None;

    [CommandOption("--interval <SECONDS>")]
    [Description("How often to look at the files while the run writes (default 1). With no file-system notifications the look backs off to 16 times this while the run is quiet.")]
    public double Interval { get; init; } = 1;

    [CommandOption("--poll")]
    [Description("Poll the files instead of using file-system notifications (for file systems whose notifications are lost, such as some network mounts).")]
    public bool Poll { get; init; }

    [CommandOption("--exit-when-idle <SECONDS>")]
    [Description("Stop when nothing new was written for this long (the run ended or died), after a final diagnosis.")]
    public double? ExitWhenIdle { get; init; }

    [CommandOption("--until-file <FILE>")]
    [Description("Stop, after a final diagnosis, once FILE exists (a training script can create it when it finishes).")]
    public string? UntilFile { get; init; }

    [CommandOption("--details")]
    [Description("In the final verdict, also show every measurement and why each other cause was ruled out.")]
    public bool Details { get; init; }

    public TimeSpan IntervalSpan => TimeSpan.FromSeconds(Interval);

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) return ValidationResult.Error("give the log file or folder to watch");

        if (ValidateStepsPerEpoch() is { } epochError) return epochError;

        if (!(Interval >= 0.01 && Interval <= 3600))
            return ValidationResult.Error($"--interval takes seconds from 0.01 to 3600, not {Interval}");

        if (ExitWhenIdle is { } idle && !(idle > 0 && idle <= 1e7))
            return ValidationResult.Error($"--exit-when-idle takes a positive number of seconds, not {idle}");

        if (!Enum.IsDefined(FailOn)) return ValidationResult.Error("--fail-on takes none, low, medium or high");

        if (JsonFile is { } json && string.IsNullOrWhiteSpace(json) || Html is { } html && string.IsNullOrWhiteSpace(html))
            return ValidationResult.Error("--json-file and --html need a file name");

        if (UntilFile is { } until && string.IsNullOrWhiteSpace(until))
            return ValidationResult.Error("--until-file needs a file name");

        return ValidateMemoryBudget() ?? ValidationResult.Success();
    }
}
