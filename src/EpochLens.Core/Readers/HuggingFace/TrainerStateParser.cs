using EpochLens.Readers.JsonLines;

namespace EpochLens.Readers.HuggingFace;

/// <summary>
/// A trainer_state.json (TrainerState.save_to_json: sorted keys, a NaN grad_norm as Python's bare NaN): its
/// log_history entries (Trainer.log: {**logs, "step", "epoch"}) are the records; logging_steps, max_steps and
/// num_train_epochs beside them say how the loss is averaged and how long an epoch is.
/// </summary>
internal static class TrainerStateParser
{
    public static TrainingLog Read(string file, string sourceName, string format, ReadOptions options, IProblemSink sink)
    {
        const string empty = "the file is empty: not a trainer_state.json";
        if (new FileInfo(file).Length == 0) throw new LogReadException(file, empty);
        var problems = new ProblemReporter(file, sink, options.Strict);
        var text = JsonDocumentReader.ReadWhole(file, options, problems, keepCut: true);
        var history = new JsonArrayRecords("log_history", "log_history entry", "log_history entries");
        double Top(string key) => history.Numbers.GetValueOrDefault(key, double.NaN);

        // The Trainer's own step and epoch keys, whatever the settings say for other logs; it logs no wall times.
        var trainer = options with { StepColumn = "step", EpochColumn = "epoch", KeepWallTimes = false };
        var log = JsonLinesParser.Read(
            file, trainer, sink, sourceName, format, (reporter, parser) => history.Walk(text.Span, reporter, parser),
            epochs => Hint(epochs, Top("max_steps"), Top("num_train_epochs")), wholeSteps: true);
        int? loggingSteps = Top("logging_steps") >= 1 ? (int)Math.Round(Top("logging_steps")) : null;
        const string Evidence = "transformers' Trainer logs the mean loss over each logging interval";
        var series = log.Series.Select(s =>
            s.With(RoleOf(s.Name), s.Name == "loss" ? IntervalMean(loggingSteps, s.Steps, Evidence) : null));
        return new TrainingLog(sourceName, format, [.. series.OrderBy(s => s.Name != "loss")], log.Epochs);
    }

    /// <summary>The Trainer's own key names; "train_loss" is the whole run's mean in the final summary, not a training curve.</summary>
    private static SeriesRole RoleOf(string key) => key switch
    {
        "loss" => SeriesRole.TrainLoss,
        "eval_loss" => SeriesRole.HeldOutLoss,
        "learning_rate" => SeriesRole.LearningRate,
        "grad_norm" => SeriesRole.GradNorm,
        "epoch" => SeriesRole.Epoch,
        _ => SeriesRole.Other,
    };

    /// <summary>
    /// The Trainer's loss is a mean over the logging interval (Trainer._maybe_log_save_evaluate: the losses summed
    /// since the last log over the steps since): logging_steps or, when the file does not say, the steps' spacing.
    /// </summary>
    public static ValueAveraging IntervalMean(int? loggingSteps, ReadOnlySpan<long> steps, string evidence)
    {
        int? window = loggingSteps;
        var source = "logging_steps";
        if (window is null && steps.Length > 1)
        {
            var gaps = steps[1..].ToArray().Zip(steps[..^1].ToArray(), (next, last) => next - last).Order().ToArray();
            window = (int)Math.Min(int.MaxValue, gaps[gaps.Length / 2]);
            source = "the median spacing of the logged steps";
        }

        return window is null
            ? new ValueAveraging(AveragingKind.MovingWindow, null, evidence)
            : new ValueAveraging(AveragingKind.MovingWindow, window, $"{evidence}: {window} steps ({source})");
    }

    /// <summary>
    /// Steps per epoch from the entries' (step, fractional epoch) pairs, whatever capped the run. max_steps /
    /// num_train_epochs is a cross-check and fallback: when max_steps capped the run, num_train_epochs = ceil(max_steps
    /// / steps per epoch) and the ratio falls short (10000 / 97 = 103.09 for 104). When it fits the entries and is
    /// whole, it is the exact length, which the entries only approach (with gradient accumulation an epoch counts
    /// batches, a fraction of a step off the optimizer steps).
    /// </summary>
    private static EpochHint? Hint(MetricSeries? epochs, double maxSteps, double numTrainEpochs)
    {
        double? fromEntries = epochs is null ? null : EpochHints.StepsPerEpochFromFraction(epochs.Steps, epochs.Values);
        double? fromState = maxSteps > 0 && numTrainEpochs > 0 ? maxSteps / numTrainEpochs : null;
        const string alone =
            "trainer_state.json max_steps / num_train_epochs (log_history has no fractional epochs to take it from)";
        if (fromEntries is not double entries) return fromState is double only ? Counted(only, alone) : null;

        var origin = $"trainer_state.json log_history step / epoch ({entries:0.##})";
        if (fromState is not double state) return Counted(entries, origin);

        if (FitsEntries(state, entries, epochs!))
        {
            return state == Math.Floor(state)
                ? Counted(state, $"{origin}, matched by max_steps / num_train_epochs = {state:0.##}, the whole number used")
                : Counted(entries, $"{origin}; max_steps / num_train_epochs = {state:0.##} agrees");
        }

        var why = state < entries && numTrainEpochs == Math.Ceiling(maxSteps / Math.Round(entries))
            ? $"max_steps {maxSteps:0} capped the run and num_train_epochs {numTrainEpochs:0} is rounded up"
            : "it does not fit the logged epochs";
        return Counted(entries, $"{origin}; not max_steps / num_train_epochs = {state:0.##}: {why}");
    }

    /// <summary>The Trainer's global step counts updates from 1: epoch e holds steps eN+1 to (e+1)N.</summary>
    private static EpochHint Counted(double stepsPerEpoch, string origin) => new(stepsPerEpoch, null, origin, FirstEpochStart: 1);

    /// <summary>Within a step of the entries' ratio (plus the epochs' rounding), and at every epoch crossing.</summary>
    private static bool FitsEntries(double state, double entries, MetricSeries epochs)
    {
        double top = Math.Max(0, epochs.Values.ToArray().Where(double.IsFinite).DefaultIfEmpty(0).Max());
        double tolerance = 1 + (top > 0 ? entries * 0.01 / top : 0);
        return Math.Abs(state - entries) <= tolerance && EpochHints.FitsEpochCrossings(state, epochs.Steps, epochs.Values);
    }
}
