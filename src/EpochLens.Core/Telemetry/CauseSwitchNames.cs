namespace EpochLens.Telemetry;

/// <summary>
/// The names of the cause switches: the keys of run.json's cause_switches, which the harness reads back to train a
/// run again, and the words the command line's train options are made of.
/// </summary>
public static class CauseSwitchNames
{
    public const string LogRunningMean = "log-running-mean";
    public const string LossReduction = "loss-reduction";
    public const string DropLast = "drop-last";
    public const string Order = "order";
    public const string RebuildOptimizer = "rebuild-optimizer";
    public const string LrRestarts = "lr-restarts";
    public const string ReloadWeights = "reload-weights";
    public const string GradAccumulation = "grad-accumulation";
    public const string AccumulationLeftover = "accumulation-leftover";
    public const string Memorize = "memorize";
    public const string FreshSamples = "fresh-samples";

    /// <summary>Every switch name, for telling a known run.json apart from one a newer version wrote.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        LogRunningMean, LossReduction, DropLast, Order, RebuildOptimizer, LrRestarts, ReloadWeights, GradAccumulation,
        AccumulationLeftover, Memorize, FreshSamples,
    };
}
