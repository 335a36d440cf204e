namespace EpochLens.Analysis.Periodicity;

/// <summary>Which part of the step-to-step changes a search looks at.</summary>
internal enum ResidualChannel
{
    /// <summary>The clipped changes themselves: a level that repeats (spikes, sawtooth, a fixed order's pattern).</summary>
    Signed,

    /// <summary>Their size: a spread that repeats (jumps of either sign, a running mean's shrinking noise, a noisier last batch).</summary>
    Magnitude,
}
