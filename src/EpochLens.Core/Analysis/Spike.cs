namespace EpochLens.Analysis;

/// <summary>One point far above or below the trend.</summary>
/// <param name="Step">Its step.</param>
/// <param name="Value">The logged value.</param>
/// <param name="RobustZ">Distance from the trend in robust SDs (unclipped).</param>
/// <param name="AtBoundary">True when it is the first or last point of an epoch.</param>
public sealed record Spike(long Step, double Value, double RobustZ, bool AtBoundary);
