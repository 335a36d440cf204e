namespace EpochLens.Telemetry;

/// <summary>The file names and column names of EpochLens telemetry: the contract between the recorder and the readers.</summary>
public static class TelemetryFiles
{
    public const string StepsCsv = "steps.csv";
    public const string StepsJsonLines = "steps.jsonl";
    public const string EpochsCsv = "epochs.csv";
    public const string EpochsJsonLines = "epochs.jsonl";
    public const string RunDescription = "run.json";

    /// <summary>Column names of <see cref="StepsCsv"/>, which are also the keys of <see cref="StepsJsonLines"/>.</summary>
    public static readonly IReadOnlyList<string> StepColumns =
    [
        "step", "epoch", "position", "batch_size", "loss", "logged_loss", "lr", "grad_norm", "update_norm", "optimizer_step", "sample_ids",
    ];

    /// <summary>Column names of <see cref="EpochsCsv"/>, which are also the keys of <see cref="EpochsJsonLines"/>.</summary>
    public static readonly IReadOnlyList<string> EpochColumns =
    [
        "epoch", "steps", "last_step", "train_loss", "heldout_loss", "heldout_accuracy",
    ];

    /// <summary>Separates the sample ids of one batch inside the CSV's sample_ids column.</summary>
    public const char SampleIdSeparator = ' ';
}
