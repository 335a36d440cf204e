namespace EpochLens.Synthetic;

/// <summary>The kinds of null run (no epoch-aligned structure) that <see cref="NullScenarios"/> makes.</summary>
public enum NullKind
{
    /// <summary>Trend and per-sample noise, reshuffled every epoch.</summary>
    Plain,

    /// <summary>Samples drawn with replacement.</summary>
    WithReplacement,

    /// <summary>A Student-t factor (df 2 to 3) on each loss in log space.</summary>
    HeavyTailed,

    /// <summary>Logit noise partly shared by neighbouring steps (AR(1)).</summary>
    Autocorrelated,

    /// <summary>Isolated upward spikes at random steps.</summary>
    RandomSpikes,

    /// <summary>The loss logged every 5 to 50 steps, last value or interval mean.</summary>
    SparseLogging,

    /// <summary>A very fast early drop, over well under an epoch.</summary>
    FastEarlyDrop,

    /// <summary>A plateau, then a sudden drop in the middle of an epoch.</summary>
    PlateauThenDrop,
}
