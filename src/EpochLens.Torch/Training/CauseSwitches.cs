using System.Globalization;
using EpochLens.Telemetry;

namespace EpochLens.Torch.Training;

/// <summary>
/// Switches that make a run show one of the epoch-boundary causes EpochLens tells apart (see the
/// cause table in the README). All are off by default: the defaults train the question's healthy setup.
/// </summary>
public sealed record CauseSwitches
{
    /// <summary>running-mean-logging: log the mean of the epoch's losses so far, reset each epoch.</summary>
    public bool RunningMeanLogging { get; init; }

    /// <summary>partial-last-batch: how a batch's loss is reduced (matters when the last batch is short).</summary>
    public LossReduction LossReduction { get; init; } = LossReduction.Mean;

    /// <summary>Drop the short last batch of each epoch (the fix for partial-last-batch).</summary>
    public bool DropLast { get; init; }

    /// <summary>fixed-order: the order of samples within each epoch.</summary>
    public SampleOrder Order { get; init; } = SampleOrder.Reshuffled;

    /// <summary>optimizer-reset: build a new Adam at the start of every epoch (its moments and step count restart).</summary>
    public bool RebuildOptimizerEachEpoch { get; init; }

    /// <summary>lr-schedule: cosine-anneal the learning rate to zero within each epoch and restart it at each boundary.</summary>
    public bool LrWarmRestarts { get; init; }

    /// <summary>state-reload: at each boundary reload the weights saved halfway through the previous epoch.</summary>
    public bool ReloadWeightsAtBoundary { get; init; }

    /// <summary>grad-accumulation-leftover: batches whose gradients are summed before one optimizer step (1: off).</summary>
    public int GradAccumulation { get; init; } = 1;

    /// <summary>What happens to a short last accumulation group (only when <see cref="GradAccumulation"/> &gt; 1).</summary>
    public AccumulationLeftover AccumulationLeftover { get; init; } = AccumulationLeftover.WrongScale;

    /// <summary>recency: train on only this many samples, a subset small enough to memorise (null: off).</summary>
    public int? MemorizeSubset { get; init; }

    /// <summary>
    /// The control for recency, not a cause: every epoch trains on samples no earlier epoch saw (epoch e on
    /// samples e*N .. (e+1)*N - 1), so no sample is ever revisited.
    /// </summary>
    public bool FreshSamplesEachEpoch { get; init; }

    /// <summary>The switches that are on, by their <see cref="CauseSwitchNames"/>, for run.json and summaries.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var on = new SortedDictionary<string, string>(StringComparer.Ordinal);
        void Add(bool when, string name, string value = "true")
        {
            if (when) on[name] = value;
        }

        Add(RunningMeanLogging, CauseSwitchNames.LogRunningMean);
        Add(LossReduction != LossReduction.Mean, CauseSwitchNames.LossReduction, TrainingNames.Reduction.Name(LossReduction));
        Add(DropLast, CauseSwitchNames.DropLast);
        Add(Order != SampleOrder.Reshuffled, CauseSwitchNames.Order, TrainingNames.Order.Name(Order));
        Add(RebuildOptimizerEachEpoch, CauseSwitchNames.RebuildOptimizer);
        Add(LrWarmRestarts, CauseSwitchNames.LrRestarts);
        Add(ReloadWeightsAtBoundary, CauseSwitchNames.ReloadWeights);
        Add(GradAccumulation > 1, CauseSwitchNames.GradAccumulation, GradAccumulation.ToString(CultureInfo.InvariantCulture));
        Add(GradAccumulation > 1, CauseSwitchNames.AccumulationLeftover, TrainingNames.Leftover.Name(AccumulationLeftover));
        Add(MemorizeSubset is not null, CauseSwitchNames.Memorize, MemorizeSubset?.ToString(CultureInfo.InvariantCulture) ?? "");
        Add(FreshSamplesEachEpoch, CauseSwitchNames.FreshSamples);
        return on;
    }
}
