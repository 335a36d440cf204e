namespace EpochLens.Analysis;

/// <summary>One period the search considered, with its evidence.</summary>
/// <param name="StepsPerEpoch">The period in steps (refined at full resolution for the chosen one).</param>
/// <param name="Score">
/// Excess harmonic power in noise units: (sum of the normalised power at its harmonics minus its expectation
/// without periodicity) over the standard deviation of that sum; about 0 for noise.
/// </param>
/// <param name="PValue">The chance of evidence this strong somewhere in the search without periodicity (corrected for every period searched).</param>
/// <param name="Note">What carried the evidence, in words.</param>
public sealed record PeriodCandidate(double StepsPerEpoch, double Score, double PValue, string Note);
