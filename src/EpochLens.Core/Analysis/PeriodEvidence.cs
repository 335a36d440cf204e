namespace EpochLens.Analysis;

/// <summary>One candidate epoch length considered when inferring it from the signal.</summary>
/// <param name="StepsPerEpoch">The candidate length in steps.</param>
/// <param name="Score">How strongly the signal repeats at that length (larger is stronger).</param>
/// <param name="PValue">The chance of a score this strong without any period, corrected for the lengths searched.</param>
/// <param name="Note">What to know about it, e.g. "twice the best candidate".</param>
public sealed record PeriodEvidence(double StepsPerEpoch, double Score, double PValue, string Note);
