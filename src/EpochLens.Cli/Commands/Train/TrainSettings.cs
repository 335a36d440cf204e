using EpochLens.Naming;
using EpochLens.Telemetry;
using EpochLens.Torch.Telemetry;
using EpochLens.Torch.Training;

namespace EpochLens.Cli.Commands.Train;

/// <summary>The options of <c>epochlens train</c>; their descriptions are its --help.</summary>
public sealed class TrainSettings : CommonSettings
{
    [CommandOption("--data <DIR>")]
    [Description("Folder with MNIST-layout IDX files (train-images-idx3-ubyte[[.gz]], train-labels-idx1-ubyte[[.gz]], t10k-...) such as full MNIST or Fashion-MNIST. Default: the embedded Fashion-MNIST subset (5039 training, 1000 held-out images).")]
    public string? DataFolder { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Run folder for the telemetry (steps.csv, steps.jsonl, epochs.csv, epochs.jsonl, run.json). Default: runs/<date-time>.")]
    public string? OutFolder { get; init; }

    [CommandOption("--epochs <N>")]
    [Description("Epochs to train.")]
    [DefaultValue(3)]
    public int Epochs { get; init; } = 3;

    [CommandOption("--lr <RATE>")]
    [Description("Adam's learning rate (the question used 1e-5).")]
    [DefaultValue(1e-5)]
    public double LearningRate { get; init; } = 1e-5;

    [CommandOption("-b|--batch-size <N>")]
    [Description("Samples per batch. With 5039 samples, any size that does not divide 5039 leaves a partial last batch (partial-last-batch).")]
    [DefaultValue(1)]
    public int BatchSize { get; init; } = 1;

    [CommandOption("--samples-per-epoch <N>")]
    [Description("Training samples per epoch: the first N of the training set.")]
    [DefaultValue(5039)]
    public int SamplesPerEpoch { get; init; } = 5039;

    [CommandOption("--seed <N>")]
    [Description("Seed for the weights and the sample order; the same seed gives the same losses.")]
    [DefaultValue(1)]
    public int Seed { get; init; } = 1;

    [CommandOption("--threads <N>")]
    [Description("CPU threads for libtorch. One is fastest at batch size 1.")]
    [DefaultValue(1)]
    public int Threads { get; init; } = 1;

    [CommandOption("--no-eval")]
    [Description("Skip the held-out evaluation at the end of each epoch.")]
    public bool NoEvaluation { get; init; }

    [CommandOption("--telemetry <FORMAT>")]
    [Description("Telemetry files to write: csv, jsonl or both.")]
    [DefaultValue("both")]
    public string Telemetry { get; init; } = "both";

    [CommandOption("--norms <WHEN>")]
    [Description("Steps whose gradient and update norms are recorded: sampled (every step within 32 of an epoch boundary, every 64th elsewhere), every (every step; costs about a fifth of the step time on this small CNN) or off. Loss, learning rate, optimizer step and sample ids are recorded at every step.")]
    [DefaultValue("sampled")]
    public string Norms { get; init; } = "sampled";

    [CommandOption("--" + CauseSwitchNames.LogRunningMean)]
    [Description("Cause running-mean-logging: the logged loss is the mean of the epoch's losses so far, reset at each epoch (the question's plotting code). The raw loss is recorded too.")]
    public bool LogRunningMean { get; init; }

    [CommandOption("--" + CauseSwitchNames.LossReduction + " <MODE>")]
    [Description("Cause partial-last-batch: mean or sum. With sum, a short last batch logs a lower loss; with mean, a noisier one.")]
    [DefaultValue("mean")]
    public string LossReduction { get; init; } = "mean";

    [CommandOption("--" + CauseSwitchNames.DropLast)]
    [Description("Drop the short last batch of each epoch (the fix for partial-last-batch).")]
    public bool DropLast { get; init; }

    [CommandOption("--" + CauseSwitchNames.Order + " <ORDER>")]
    [Description("Cause fixed-order: reshuffled (a new order every epoch), fixed (no reshuffle), sorted-by-label, or reseeded (a random order re-seeded identically every epoch, like a sampler whose epoch is never set).")]
    [DefaultValue("reshuffled")]
    public string Order { get; init; } = "reshuffled";

    [CommandOption("--" + CauseSwitchNames.RebuildOptimizer)]
    [Description("Cause optimizer-reset: build a new Adam at every epoch, so its moments and step count restart.")]
    public bool RebuildOptimizer { get; init; }

    [CommandOption("--" + CauseSwitchNames.LrRestarts)]
    [Description("Cause lr-schedule: cosine-anneal the learning rate to zero within each epoch and restart it at each boundary.")]
    public bool LrRestarts { get; init; }

    [CommandOption("--" + CauseSwitchNames.ReloadWeights)]
    [Description("Cause state-reload: at each boundary reload the weights saved halfway through the previous epoch.")]
    public bool ReloadWeights { get; init; }

    [CommandOption("--" + CauseSwitchNames.GradAccumulation + " <K>")]
    [Description("Cause grad-accumulation-leftover: sum the gradients of K batches per optimizer step. When the batches per epoch are not a multiple of K the last group is short.")]
    [DefaultValue(1)]
    public int GradAccumulation { get; init; } = 1;

    [CommandOption("--" + CauseSwitchNames.AccumulationLeftover + " <MODE>")]
    [Description("What happens to a short last accumulation group: wrong-scale (stepped, scaled by 1/K as if full), leak (never stepped; its gradients leak into the next epoch's first update) or own-scale (stepped with its own size's scale: the fix).")]
    [DefaultValue("wrong-scale")]
    public string AccumulationLeftover { get; init; } = "wrong-scale";

    [CommandOption("--" + CauseSwitchNames.Memorize + " <N>")]
    [Description("Cause recency: train on only N samples, a subset small enough to memorise (a higher --lr such as 1e-3 makes it show within a few epochs).")]
    public int? Memorize { get; init; }

    [CommandOption("--" + CauseSwitchNames.FreshSamples)]
    [Description("The control for recency: every epoch trains on samples no earlier epoch saw (epoch e on samples e*N to (e+1)*N-1), so none is revisited. Needs N x epochs training samples.")]
    public bool FreshSamples { get; init; }

    [CommandOption("--quiet")]
    [Description("No progress bar; only the summary line.")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate()
    {
        // Ranges first, each naming its option (the training library's own checks speak of the run, not the flags).
        string? range = Epochs < 1 ? $"--epochs takes a whole number of epochs, at least 1; got {Epochs}"
            : !(LearningRate > 0) || !double.IsFinite(LearningRate) ? $"--lr takes a positive learning rate; got {LearningRate.ToString(System.Globalization.CultureInfo.InvariantCulture)}"
            : BatchSize < 1 ? $"--batch-size takes a whole number of samples, at least 1; got {BatchSize}"
            : SamplesPerEpoch < 1 ? $"--samples-per-epoch takes a whole number of samples, at least 1; got {SamplesPerEpoch}"
            : Threads < 1 ? $"--threads takes a whole number of threads, at least 1; got {Threads}"
            : GradAccumulation < 1 ? $"--grad-accumulation takes a whole number of batches, at least 1; got {GradAccumulation}"
            : Memorize is < 1 ? $"--memorize takes a whole number of samples, at least 1; got {Memorize}"
            : null;
        if (range is not null) return ValidationResult.Error(range);

        string? named = Unnamed(TrainingNames.Reduction, LossReduction, CauseSwitchNames.LossReduction)
            ?? Unnamed(TrainingNames.Order, Order, CauseSwitchNames.Order)
            ?? Unnamed(TrainingNames.Leftover, AccumulationLeftover, CauseSwitchNames.AccumulationLeftover)
            ?? Unnamed(TrainingNames.Telemetry, Telemetry, "telemetry")
            ?? Unnamed(TrainingNames.Norms, Norms, "norms");
        if (named is not null) return ValidationResult.Error(named);

        var problems = ToOptions().Problems(int.MaxValue).ToList();
        return problems.Count > 0 ? ValidationResult.Error(problems[0]) : ValidationResult.Success();
    }

    /// <summary>The trainer's options these settings describe (call after validation).</summary>
    public TrainOptions ToOptions() => new()
    {
        LearningRate = LearningRate,
        BatchSize = BatchSize,
        Epochs = Epochs,
        SamplesPerEpoch = SamplesPerEpoch,
        Seed = Seed,
        Threads = Threads,
        EvaluateEachEpoch = !NoEvaluation,
        Norms = Parsed(TrainingNames.Norms, Norms, NormSchedule.Sampled),
        Causes = new CauseSwitches
        {
            RunningMeanLogging = LogRunningMean,
            LossReduction = Parsed(TrainingNames.Reduction, LossReduction, Torch.Training.LossReduction.Mean),
            DropLast = DropLast,
            Order = Parsed(TrainingNames.Order, Order, SampleOrder.Reshuffled),
            RebuildOptimizerEachEpoch = RebuildOptimizer,
            LrWarmRestarts = LrRestarts,
            ReloadWeightsAtBoundary = ReloadWeights,
            GradAccumulation = GradAccumulation,
            AccumulationLeftover = Parsed(TrainingNames.Leftover, AccumulationLeftover, Torch.Training.AccumulationLeftover.WrongScale),
            MemorizeSubset = Memorize,
            FreshSamplesEachEpoch = FreshSamples,
        },
    };

    public TelemetryFormat TelemetryFormat => Parsed(TrainingNames.Telemetry, Telemetry, TelemetryFormat.Both);

    /// <summary>The run folder: the one given, or a new one named after the current time.</summary>
    public string ResolveOutFolder() =>
        OutFolder ?? RunFolderName.New("runs");

    /// <summary>The error for a value that is none of <paramref name="names"/>, naming the option; null when it is one.</summary>
    private static string? Unnamed<T>(NameTable<T> names, string text, string option)
        where T : notnull =>
        names.TryParse(text, out _) ? null : $"--{option} must be {names.Choices()} (got '{text}')";

    private static T Parsed<T>(NameTable<T> names, string text, T otherwise)
        where T : notnull =>
        names.TryParse(text, out var value) ? value : otherwise;
}
