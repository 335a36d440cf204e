namespace EpochLens.Readers;

/// <summary>
/// The readers' format ids: what <see cref="ILogReader.Format"/> and <see cref="Logs.TrainingLog.Format"/> say, and what
/// users give to choose a reader instead of detection.
/// </summary>
public static class FormatIds
{
    public const string TensorBoard = "tensorboard";
    public const string Csv = "csv";
    public const string JsonLines = "jsonl";
    public const string Json = "json";
    public const string Mlflow = "mlflow";
    public const string HuggingFace = "huggingface";
    public const string Keras = "keras";
    public const string MmEngine = "mmengine";
    public const string Text = "text";

    /// <summary>EpochLens telemetry folders (run.json with steps and epochs files).</summary>
    public const string EpochLens = "epochlens";
}
