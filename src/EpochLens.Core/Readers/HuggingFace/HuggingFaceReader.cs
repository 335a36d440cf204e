namespace EpochLens.Readers.HuggingFace;

/// <summary>
/// Hugging Face Trainer output folders, one log each: the newest trainer_state.json (each checkpoint-N folder's holds
/// the history up to it), else LLaMA-Factory's trainer_log.jsonl; either maybe gzipped (".gz" added to its name).
/// </summary>
public sealed partial class HuggingFaceReader : ILogReader
{
    public static readonly HuggingFaceReader Default = new();

    public string Format => "huggingface";

    public string Description => "Hugging Face Trainer trainer_state.json and LLaMA-Factory trainer_log.jsonl (optionally .gz)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        var name = LogFile.Name(path);
        var text = JsonHead.Start(head);
        return text is [(byte)'{', ..] && (name == TrainerState
            || (name == LlamaFactoryLog && IsLlamaFactory(text)) || IsRenamedTrainerState(name, text));
    }

    /// <summary>The output folder, above checkpoint-N; a renamed trainer state is a run (copies share one).</summary>
    public string GroupKey(string path)
    {
        var baseName = LogFile.Name(path);
        if (baseName is not (TrainerState or LlamaFactoryLog)) return Path.GetFullPath(path);

        var dir = Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;
        return CheckpointFolder().IsMatch(Path.GetFileName(dir)) ? Path.GetDirectoryName(dir) ?? dir : dir;
    }

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        return [.. source.Runs(GroupKey).Select(run => ReadRun(run.Key, run.Files, run.Name, options, problems))];
    }

    private TrainingLog ReadRun(string folder, IReadOnlyList<string> files, string name, ReadOptions options, IProblemSink problems)
    {
        var states = files.Where(f => LogFile.Name(f) == TrainerState).OrderByDescending(f => Newness(folder, f)).ToList();
        TrainingLog? read = null;
        foreach (var state in states)
        {
            // A newer copy that was cut before its first entry gives way to an older one.
            read = TrainerStateParser.Read(state, name, Format, options, problems);
            if (read.Series.Count > 0) return read;
        }

        var log = files.FirstOrDefault(f => LogFile.Name(f) == LlamaFactoryLog) ?? (states.Count == 0 ? files[0] : null);
        if (log is null) return read!;

        // A file read as format huggingface under another name: its content says which of the two it is.
        return LogFile.Name(log) == LlamaFactoryLog || IsLlamaFactory(JsonHead.Start(LogFile.Head(log)))
            ? LlamaFactory.Read(log, name, Format, options, problems)
            : TrainerStateParser.Read(log, name, Format, options, problems);
    }

    private const string TrainerState = "trainer_state.json";
    private const string LlamaFactoryLog = "trainer_log.jsonl";

    /// <summary>A renamed trainer_state.json: its sorted keys start "global_step", "log_history" (both).</summary>
    private static bool IsRenamedTrainerState(string name, ReadOnlySpan<byte> text) =>
        name.EndsWith(".json", StringComparison.OrdinalIgnoreCase)
        && text.IndexOf("\"log_history\""u8) >= 0
        && text.IndexOf("\"global_step\""u8) >= 0;

    private static bool IsLlamaFactory(ReadOnlySpan<byte> text) => text.IndexOf("\"current_steps\""u8) >= 0;

    /// <summary>The output folder's own copy is written last (save_state at the end); then higher checkpoints.</summary>
    private static long Newness(string folder, string file)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(file)) ?? "";
        if (dir == folder) return long.MaxValue;

        var match = CheckpointFolder().Match(Path.GetFileName(dir));
        return match.Success && long.TryParse(match.Groups[1].ValueSpan, out long step) ? step : -1;
    }

    [GeneratedRegex(@"^checkpoint-(\d+)$")]
    private static partial Regex CheckpointFolder();
}
