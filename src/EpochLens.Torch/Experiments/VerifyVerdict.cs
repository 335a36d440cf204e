namespace EpochLens.Torch.Experiments;

/// <summary>What an experiment says about a suspected cause.</summary>
public enum VerifyVerdict
{
    /// <summary>With the factor switched off, the cause's signature goes away.</summary>
    Confirmed,

    /// <summary>The signature does not depend on the factor, or the run lacks the factor and its signature.</summary>
    Refuted,

    /// <summary>The experiment could not tell (too little signal at this budget, or the factor cannot be switched).</summary>
    Inconclusive,
}
