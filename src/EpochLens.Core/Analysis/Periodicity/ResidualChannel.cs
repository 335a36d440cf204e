namespace EpochLens.Analysis.Periodicity;

/// <summary>Which part of the step-to-step changes a search looks at.</summary>
internal enum ResidualChannel
{
    /// <summary>The clipped changes themselves: a level that repeats (spikes, sawtooth, a fixed order's pattern).</summary>
    Signed,

    /// <summary>Their size: a spread that repeats (jumps of either sign, a running mean's shrinking noise, a noisier last batch).</summary>
    Magnitude,

    /// <summary>
    /// The logarithm of their size, unclipped: a variance-stabilising transform (log |x| has the same spread whatever x's
    /// scale), so a scale that shrinks like 1 / k through each epoch, as a running mean's does, becomes a sawtooth of
    /// steady noise instead of a few clipped points at each epoch's start.
    /// </summary>
    LogMagnitude,
}
