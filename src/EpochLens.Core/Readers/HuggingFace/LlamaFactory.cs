using EpochLens.Readers.JsonLines;

namespace EpochLens.Readers.HuggingFace;

/// <summary>
/// LLaMA-Factory's trainer_log.jsonl (src/llamafactory/train/callbacks.py, LogCallback.on_log): each line copies the
/// Trainer's last log_history entry ("loss" is its interval mean) with "current_steps", "total_steps", "percentage".
/// </summary>
internal static class LlamaFactory
{
    private static readonly string[] NotMetrics = ["total_steps", "percentage"];

    public static TrainingLog Read(string file, string name, string format, ReadOptions options, IProblemSink problems)
    {
        var columns = options with { StepColumn = "current_steps", EpochColumn = "epoch" };
        var generic = JsonLinesParser.Read(file, columns, problems, name, format);
        var series = generic.Series.Where(s => !NotMetrics.Contains(s.Name)).Select(s => s.Name == "loss" && s.Count > 1
            ? s.With(averaging: TrainerStateParser.IntervalMean(null, s.Steps, "LLaMA-Factory copies the Trainer's loss"))
            : s);

        // current_steps is the Trainer's global step, counted from 1 (see EpochHint.FirstEpochStart).
        var hint = generic.Epochs is { StepsPerEpoch: not null } h
            ? h with { Origin = "LLaMA-Factory trainer_log.jsonl: current_steps / epoch", FirstEpochStart = 1 }
            : generic.Epochs;
        return new TrainingLog(name, format, [.. series], hint);
    }
}
