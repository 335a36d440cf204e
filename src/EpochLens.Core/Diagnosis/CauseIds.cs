using EpochLens.Naming;

namespace EpochLens.Diagnosis;

/// <summary>The stable kebab-case ids that reports, JSON and the command line use for <see cref="CauseId"/>.</summary>
public static class CauseIds
{
    /// <summary>Every cause with its id, in the order of the enum.</summary>
    public static NameTable<CauseId> Names { get; } = new(
        (CauseId.None, "none"),
        (CauseId.RunningMeanLogging, "running-mean-logging"),
        (CauseId.PartialLastBatch, "partial-last-batch"),
        (CauseId.FixedOrder, "fixed-order"),
        (CauseId.OptimizerReset, "optimizer-reset"),
        (CauseId.LrSchedule, "lr-schedule"),
        (CauseId.StateReload, "state-reload"),
        (CauseId.Recency, "recency"),
        (CauseId.GradAccumulationLeftover, "grad-accumulation-leftover"),
        (CauseId.EpochAlignedUnexplained, "epoch-aligned-unexplained"));

    /// <summary>The id as written in reports, e.g. "running-mean-logging".</summary>
    public static string ToId(this CauseId cause) => Names.Name(cause);

    /// <summary>Parses an id as written in reports; false for anything else.</summary>
    public static bool TryParse(string id, out CauseId cause)
    {
        if (Names.TryParse(id, out cause)) return true;

        cause = CauseId.None;
        return false;
    }
}
