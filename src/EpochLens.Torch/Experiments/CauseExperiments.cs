using EpochLens.Diagnosis;
using EpochLens.Telemetry;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>The experiment for every cause the harness can switch, in the order of the README's cause table.</summary>
public static class CauseExperiments
{
    /// <summary>The logged_loss series of the telemetry: what the run's own logger plotted.</summary>
    public const string LoggedLoss = "logged_loss";

    public static IReadOnlyList<CauseExperiment> All { get; } =
    [
        new()
        {
            Cause = CauseId.RunningMeanLogging,
            Factor = "the logged loss is the running mean of the epoch so far, reset at each epoch",
            SwitchOffText = "log the raw per-step loss (the telemetry keeps it beside the running mean, so both come from one run)",
            SwitchOnText = $"log the running mean of the epoch so far ({Switch(CauseSwitchNames.LogRunningMean)})",
            Signature = new(SignatureKind.SpreadDecay, "a running mean steadies like 1/k through the epoch and restarts from a single loss at every boundary"),
            IsPresent = o => o.Causes.RunningMeanLogging,
            // Logging does not change training: the raw losses of the same run are what a re-run logging them would record.
            SwitchOff = o => o,
            SwitchOn = o => (o with { Causes = o.Causes with { RunningMeanLogging = true } }, null),
            MetricWithFactor = LoggedLoss,
        },
        new()
        {
            Cause = CauseId.PartialLastBatch,
            Factor = "a short last batch in every epoch",
            SwitchOffText = $"drop the partial last batch ({Switch(CauseSwitchNames.DropLast)})",
            SwitchOnText = $"keep the partial last batch (no {Switch(CauseSwitchNames.DropLast)})",
            Signature = new(SignatureKind.LastStepVariance, "the mean loss of a short batch is noisier, at the epoch's last step only"),
            SignatureBySetup = o => o.Causes.LossReduction == LossReduction.Sum
                ? new(SignatureKind.LastStepLevel, "the summed loss of a short batch is lower, at the epoch's last step only")
                : new(SignatureKind.LastStepVariance, "the mean loss of a short batch is noisier, at the epoch's last step only"),
            IsPresent = o => !o.Causes.DropLast && o.EffectiveSamplesPerEpoch % o.BatchSize != 0,
            SwitchOff = o => o with { Causes = o.Causes with { DropLast = true } },
            SwitchOn = o => o.EffectiveSamplesPerEpoch % o.BatchSize != 0
                ? (o with { Causes = o.Causes with { DropLast = false } }, null)
                : (null, $"the run has no partial last batch: {o.EffectiveSamplesPerEpoch} samples fill batches of {o.BatchSize} exactly, and making one would change the batch size too"),
        },
        new()
        {
            Cause = CauseId.FixedOrder,
            Factor = "the same sample order every epoch",
            SwitchOffText = $"reshuffle every epoch ({Switch(CauseSwitchNames.Order, TrainingNames.Order.Name(SampleOrder.Reshuffled))})",
            SwitchOnText = $"keep the stored order every epoch ({Switch(CauseSwitchNames.Order, TrainingNames.Order.Name(SampleOrder.Fixed))})",
            Signature = new(SignatureKind.PositionCorrelation, "the same order makes the loss's sample-by-sample pattern repeat every epoch"),
            IsPresent = o => o.Causes.Order != SampleOrder.Reshuffled,
            SwitchOff = o => o with { Causes = o.Causes with { Order = SampleOrder.Reshuffled } },
            SwitchOn = o => (o with { Causes = o.Causes with { Order = SampleOrder.Fixed } }, null),
        },
        Toggle(
            CauseId.OptimizerReset,
            factor: "a new Adam every epoch",
            offText: "build the optimizer once",
            onText: $"build a new Adam every epoch ({Switch(CauseSwitchNames.RebuildOptimizer)})",
            new(SignatureKind.BoundaryJumpWide, "restarted moments disturb the steps right after the boundary"),
            c => c.RebuildOptimizerEachEpoch,
            (c, on) => c with { RebuildOptimizerEachEpoch = on }),
        Toggle(
            CauseId.LrSchedule,
            factor: "a learning rate restarted at every boundary",
            offText: "keep the learning rate constant",
            onText: $"cosine-anneal the learning rate within each epoch and restart it ({Switch(CauseSwitchNames.LrRestarts)})",
            new(SignatureKind.BoundaryJumpWide, "a learning-rate restart changes the loss level right after the boundary"),
            c => c.LrWarmRestarts,
            (c, on) => c with { LrWarmRestarts = on }),
        Toggle(
            CauseId.StateReload,
            factor: "weights reloaded at every boundary",
            offText: "never reload the weights",
            onText: $"reload the weights saved mid-epoch at every boundary ({Switch(CauseSwitchNames.ReloadWeights)})",
            new(SignatureKind.BoundaryJumpWide, "reloaded weights put the loss back to an earlier level at the boundary"),
            c => c.ReloadWeightsAtBoundary,
            (c, on) => c with { ReloadWeightsAtBoundary = on }),
        new()
        {
            Cause = CauseId.Recency,
            Factor = "every epoch revisits the samples earlier epochs trained on",
            SwitchOffText = $"train every epoch on fresh samples no earlier epoch saw ({Switch(CauseSwitchNames.FreshSamples)})",
            SwitchOnText = "revisit the same samples every epoch",
            Signature = new(SignatureKind.BoundaryJumpWide, "a model that remembers its samples drops at the boundary, where the epoch's oldest samples come back"),
            IsPresent = o => !o.Causes.FreshSamplesEachEpoch,
            SwitchOff = o => o with { Causes = o.Causes with { FreshSamplesEachEpoch = true } },
            SwitchOn = o => (o with { Causes = o.Causes with { FreshSamplesEachEpoch = false } }, null),
            NeedsFreshSamples = true,
        },
        new()
        {
            Cause = CauseId.GradAccumulationLeftover,
            Factor = "a short last gradient-accumulation group stepped with the wrong scale or leaked",
            SwitchOffText = $"step the last group with its own scale ({Switch(CauseSwitchNames.AccumulationLeftover, TrainingNames.Leftover.Name(AccumulationLeftover.OwnScale))})",
            SwitchOnText = $"step the last group with the full group's scale ({Switch(CauseSwitchNames.AccumulationLeftover, TrainingNames.Leftover.Name(AccumulationLeftover.WrongScale))})",
            Signature = new(SignatureKind.BoundaryJump, "the mis-scaled or leaked update lands at the boundary"),
            IsPresent = o => HasShortGroup(o) && o.Causes.AccumulationLeftover != AccumulationLeftover.OwnScale,
            SwitchOff = o => o with { Causes = o.Causes with { AccumulationLeftover = AccumulationLeftover.OwnScale } },
            SwitchOn = o => HasShortGroup(o)
                ? (o with { Causes = o.Causes with { AccumulationLeftover = AccumulationLeftover.WrongScale } }, null)
                : (null, o.Causes.GradAccumulation == 1
                    ? "the run does not accumulate gradients, and making it would change more than one factor"
                    : $"{o.StepsPerEpoch} batches per epoch are a multiple of the accumulation count {o.Causes.GradAccumulation}: no group is short"),
        },
    ];

    /// <summary>The experiment for <paramref name="cause"/>, or null when the harness cannot switch it.</summary>
    public static CauseExperiment? For(CauseId cause) => All.FirstOrDefault(e => e.Cause == cause);

    /// <summary>
    /// The experiment for a factor that is one on/off switch of the harness: the set-up has it when the switch is on,
    /// and either side is the set-up with that switch alone flipped.
    /// </summary>
    private static CauseExperiment Toggle(
        CauseId cause, string factor, string offText, string onText, Signature signature, Func<CauseSwitches, bool> isOn, Func<CauseSwitches, bool, CauseSwitches> set) => new()
        {
            Cause = cause,
            Factor = factor,
            SwitchOffText = offText,
            SwitchOnText = onText,
            Signature = signature,
            IsPresent = o => isOn(o.Causes),
            SwitchOff = o => o with { Causes = set(o.Causes, false) },
            SwitchOn = o => (o with { Causes = set(o.Causes, true) }, null),
        };

    /// <summary>A switch as epochlens train takes it, for the texts that say what each arm trains.</summary>
    private static string Switch(string name, string? value = null) => value is null ? $"--{name}" : $"--{name} {value}";

    private static bool HasShortGroup(TrainOptions o) => o.Causes.GradAccumulation > 1 && o.StepsPerEpoch % o.Causes.GradAccumulation != 0;
}
