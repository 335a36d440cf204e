namespace EpochLens.Cli.Commands.Inspect;

/// <summary>The options of <c>epochlens inspect</c>; their descriptions are its --help.</summary>
public sealed class InspectSettings : ReadingSettings
{
    [CommandArgument(0, "<PATH>")]
    [Description("A log file (TensorBoard event file, CSV, JSON Lines, trainer_state.json, console log, the text a training script printed, ...) or a folder searched for logs.")]
    public string Path { get; init; } = "";

    [CommandOption("--format|--input-format <FORMAT>")]
    [Description("Read as this format instead of detecting it: tensorboard, epochlens, huggingface, mlflow, keras, mmengine, jsonl, csv or text (printed training lines in any text file); --input-format is the same option, as in analyze and watch.")]
    public string? Format { get; init; }

    [CommandOption("--metric|--tag <NAME>")]
    [Description("Read only this metric: a TensorBoard tag, a CSV column or a JSON key.")]
    public string? Metric { get; init; }

    public override ValidationResult Validate() =>
        string.IsNullOrWhiteSpace(Path) ? ValidationResult.Error("give a log file or folder to inspect") : ValidateMemoryBudget() ?? ValidationResult.Success();
}
