namespace EpochLens.Synthetic;

/// <summary>How the learning rate decays over the whole run, after any warm-up (not tied to epochs).</summary>
public enum LrDecay
{
    Constant,
    Linear,
    Cosine,
}
