using EpochLens.Torch.Experiments;

namespace EpochLens.Cli.Commands.Verify;

/// <summary>The options of <c>epochlens verify</c>; their descriptions are its --help.</summary>
public sealed class VerifySettings : CommonSettings
{
    [CommandArgument(0, "<RUN_FOLDER>")]
    [Description("A run folder written by 'epochlens train' (its run.json holds the set-up and cause switches to train again).")]
    public string RunFolder { get; init; } = "";

    [CommandOption("-c|--cause <ID>")]
    [Description("The cause to test (repeat for several): running-mean-logging (log raw values), partial-last-batch (drop the partial last batch), fixed-order (reshuffle every epoch), optimizer-reset (build the optimizer once), lr-schedule (constant learning rate), state-reload (no reload), recency (fresh samples every epoch), grad-accumulation-leftover (step the last group with its own scale). A factor the run lacks is switched on instead, to show the test would see it. Without --cause: diagnose the run and test the causes it ranks, in order.")]
    public string[] Causes { get; init; } = [];

    [CommandOption("--epochs <N>")]
    [Description("Epochs per experiment run, instead of the chosen budget (at least 3: the boundary statistics need two boundaries and odd and even epochs).")]
    public int? Epochs { get; init; }

    [CommandOption("--samples-per-epoch <N>")]
    [Description("Samples per epoch of every experiment run, instead of the chosen budget (a shortened epoch trains faster).")]
    public int? SamplesPerEpoch { get; init; }

    [CommandOption("--max-steps <N>")]
    [Description("The most steps one experiment run may train when verify chooses the budget; longer runs get fewer epochs or a shortened epoch.")]
    [DefaultValue(ExperimentBudget.DefaultMaxStepsPerRun)]
    public int MaxSteps { get; init; } = ExperimentBudget.DefaultMaxStepsPerRun;

    [CommandOption("-j|--jobs <N>")]
    [Description("Experiment runs trained at once, each in its own process with one libtorch thread. Default: one per idle core, measured just before training.")]
    public int? Jobs { get; init; }

    [CommandOption("--no-reuse")]
    [Description("Train the original set-up again even when the run's own telemetry matches the budget.")]
    public bool NoReuse { get; init; }

    [CommandOption("--out <DIR>")]
    [Description("Folder for the experiment runs and verify.json. Default: RUN_FOLDER/verify-<date-time>.")]
    public string? OutFolder { get; init; }

    [CommandOption("--data <DIR>")]
    [Description("The IDX folder the run trained on, when it was not the embedded data.")]
    public string? DataFolder { get; init; }

    [CommandOption("--json")]
    [Description("Write the result as JSON to standard output instead of the console report.")]
    public bool Json { get; init; }

    [CommandOption("--quiet")]
    [Description("No progress display.")]
    public bool Quiet { get; init; }

    public override ValidationResult Validate()
    {
        if (string.IsNullOrWhiteSpace(RunFolder)) return ValidationResult.Error("give the run folder to verify");

        foreach (var cause in Causes)
        {
            if (!CauseIds.TryParse(cause, out var id) || CauseExperiments.For(id) is null)
                return ValidationResult.Error($"--cause must be one of {string.Join(", ", CauseExperiments.All.Select(e => e.Cause.ToId()))} (got '{cause}')");
        }

        if (DiagnosableEpochs.Check(Epochs) is { } epochsError) return epochsError;

        if (SamplesPerEpoch is < ExperimentBudget.MinSamplesPerEpoch)
            return ValidationResult.Error($"--samples-per-epoch must be at least {ExperimentBudget.MinSamplesPerEpoch} (got {SamplesPerEpoch})");

        if (MaxSteps < ExperimentBudget.MinEpochs * ExperimentBudget.MinSamplesPerEpoch)
            return ValidationResult.Error($"--max-steps must be at least {ExperimentBudget.MinEpochs * ExperimentBudget.MinSamplesPerEpoch} (got {MaxSteps})");

        if (Jobs is < 1) return ValidationResult.Error($"--jobs must be at least 1 (got {Jobs})");

        return ValidationResult.Success();
    }

    /// <summary>The causes named, in the order given.</summary>
    public IReadOnlyList<CauseId> CauseList() => Causes.Select(c => CauseIds.TryParse(c, out var id) ? id : CauseId.None).Distinct().ToList();

    /// <summary>The output folder: the one given, or a new one inside the run folder named after the current time.</summary>
    public string ResolveOutFolder() =>
        OutFolder ?? RunFolderName.New(RunFolder, "verify-");
}
