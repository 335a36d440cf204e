namespace EpochLens.Synthetic;

/// <summary>The shape of a planted epoch-aligned-unexplained effect at the start of every epoch after the first.</summary>
public enum BoundarySpikeShape
{
    /// <summary>Only the first step of the epoch.</summary>
    FirstStep,

    /// <summary>A bump over the first 1 % of the epoch (at least 3 steps), fading linearly.</summary>
    ShortBump,
}
