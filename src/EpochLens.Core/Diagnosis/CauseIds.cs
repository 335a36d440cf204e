namespace EpochLens.Diagnosis;

/// <summary>The stable kebab-case ids that reports and JSON use for <see cref="CauseId"/>.</summary>
public static class CauseIds
{
    private static readonly Dictionary<CauseId, string> Ids = new()
    {
        [CauseId.None] = "none",
        [CauseId.RunningMeanLogging] = "running-mean-logging",
        [CauseId.PartialLastBatch] = "partial-last-batch",
        [CauseId.FixedOrder] = "fixed-order",
        [CauseId.OptimizerReset] = "optimizer-reset",
        [CauseId.LrSchedule] = "lr-schedule",
        [CauseId.StateReload] = "state-reload",
        [CauseId.Recency] = "recency",
        [CauseId.GradAccumulationLeftover] = "grad-accumulation-leftover",
        [CauseId.EpochAlignedUnexplained] = "epoch-aligned-unexplained",
    };

    /// <summary>The id as written in reports, e.g. "running-mean-logging".</summary>
    public static string ToId(this CauseId cause) => Ids[cause];

    /// <summary>Parses an id as written in reports; false for anything else.</summary>
    public static bool TryParse(string id, out CauseId cause)
    {
        foreach (var (key, value) in Ids)
        {
            if (string.Equals(value, id, StringComparison.OrdinalIgnoreCase))
            {
                cause = key;
                return true;
            }
        }

        cause = CauseId.None;
        return false;
    }
}
