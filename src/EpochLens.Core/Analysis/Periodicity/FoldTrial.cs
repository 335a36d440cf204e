namespace EpochLens.Analysis.Periodicity;

/// <summary>The folded variance at one whole period (in points of its view), in standard deviations above the noise.</summary>
internal readonly record struct FoldTrial(int Period, double Score);
