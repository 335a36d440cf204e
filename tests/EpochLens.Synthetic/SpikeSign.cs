namespace EpochLens.Synthetic;

/// <summary>The direction of a planted boundary spike.</summary>
public enum SpikeSign
{
    /// <summary>Up or down, at random for each epoch (the seed question's "sometimes up, sometimes down").</summary>
    Either,

    Up,
    Down,
}
