namespace EpochLens.Analysis;

/// <summary>The epoch length inferred from a loss series, or the reason none was.</summary>
/// <param name="StepsPerEpoch">The inferred period in steps, or null when no period is significant.</param>
/// <param name="PValue">The corrected p-value of the strongest candidate, or null when the series could not be searched.</param>
/// <param name="BoundaryOffset">
/// Where inside the period (0 to period - 1 steps, epochs counted from step 0) the strongest change sits;
/// null without a period.
/// </param>
/// <param name="Candidates">The strongest candidates, best first (the chosen period first when there is one).</param>
/// <param name="Explanation">One or two plain sentences.</param>
public sealed record PeriodInference(
    double? StepsPerEpoch,
    double? PValue,
    long? BoundaryOffset,
    IReadOnlyList<PeriodCandidate> Candidates,
    string Explanation)
{
    /// <summary>Whether a period was found at the search's significance level.</summary>
    public bool Found => StepsPerEpoch is not null;
}
