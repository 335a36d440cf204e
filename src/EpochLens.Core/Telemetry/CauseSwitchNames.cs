namespace EpochLens.Telemetry;

/// <summary>
/// The names of the cause switches: the keys of run.json's cause_switches, which the harness reads back to train a
/// run again, and the words the command line's train options are made of.
/// </summary>
public static class CauseSwitchNames
{
    /// <summary>running-mean-logging: the logged loss is the epoch's running mean.</summary>
    public const string LogRunningMean = "log-running-mean";

    /// <summary>partial-last-batch: how a batch's losses are reduced (mean or sum).</summary>
    public const string LossReduction = "loss-reduction";

    /// <summary>The fix for partial-last-batch: the short last batch is dropped.</summary>
    public const string DropLast = "drop-last";

    /// <summary>fixed-order: the order the samples are visited in.</summary>
    public const string Order = "order";

    /// <summary>optimizer-reset: a new optimizer every epoch.</summary>
    public const string RebuildOptimizer = "rebuild-optimizer";

    /// <summary>lr-schedule: the learning rate restarts at every boundary.</summary>
    public const string LrRestarts = "lr-restarts";

    /// <summary>state-reload: mid-epoch weights reloaded at every boundary.</summary>
    public const string ReloadWeights = "reload-weights";

    /// <summary>grad-accumulation-leftover: batches per optimizer step.</summary>
    public const string GradAccumulation = "grad-accumulation";

    /// <summary>What a short last accumulation group does.</summary>
    public const string AccumulationLeftover = "accumulation-leftover";

    /// <summary>recency: a subset small enough to memorise.</summary>
    public const string Memorize = "memorize";

    /// <summary>The control for recency: no sample revisited.</summary>
    public const string FreshSamples = "fresh-samples";

    /// <summary>Every switch name, for telling a known run.json apart from one a newer version wrote.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LogRunningMean, LossReduction, DropLast, Order, RebuildOptimizer, LrRestarts, ReloadWeights, GradAccumulation,
        AccumulationLeftover, Memorize, FreshSamples,
    };
}
