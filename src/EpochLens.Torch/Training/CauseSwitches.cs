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

    /// <summary>The switches that are on, by their command-line names, for run.json and summaries.</summary>
    public IReadOnlyDictionary<string, string> Describe()
    {
        var on = new SortedDictionary<string, string>(StringComparer.Ordinal);
        if (RunningMeanLogging)
        {
            on["log-running-mean"] = "true";
        }

        if (LossReduction != LossReduction.Mean)
        {
            on["loss-reduction"] = LossReduction.ToString().ToLowerInvariant();
        }

        if (DropLast)
        {
            on["drop-last"] = "true";
        }

        if (Order != SampleOrder.Reshuffled)
        {
            on["order"] = OrderName(Order);
        }

        if (RebuildOptimizerEachEpoch)
        {
            on["rebuild-optimizer"] = "true";
        }

        if (LrWarmRestarts)
        {
            on["lr-restarts"] = "true";
        }

        if (ReloadWeightsAtBoundary)
        {
            on["reload-weights"] = "true";
        }

        if (GradAccumulation > 1)
        {
            on["grad-accumulation"] = GradAccumulation.ToString(System.Globalization.CultureInfo.InvariantCulture);
            on["accumulation-leftover"] = LeftoverName(AccumulationLeftover);
        }

        if (MemorizeSubset is int n)
        {
            on["memorize"] = n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (FreshSamplesEachEpoch)
        {
            on["fresh-samples"] = "true";
        }

        return on;
    }

    /// <summary>The command-line spelling of an accumulation leftover mode.</summary>
    public static string LeftoverName(AccumulationLeftover leftover) => leftover switch
    {
        AccumulationLeftover.Leak => "leak",
        AccumulationLeftover.OwnScale => "own-scale",
        _ => "wrong-scale",
    };

    /// <summary>The command-line spelling of a sample order.</summary>
    public static string OrderName(SampleOrder order) => order switch
    {
        SampleOrder.Reshuffled => "reshuffled",
        SampleOrder.Fixed => "fixed",
        SampleOrder.SortedByLabel => "sorted-by-label",
        SampleOrder.ReseededEachEpoch => "reseeded",
        _ => order.ToString(),
    };
}
