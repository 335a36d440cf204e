namespace EpochLens.Analysis;

/// <summary>How the epoch structure of a run became known.</summary>
public enum EpochSource
{
    /// <summary>The user said so (<see cref="Settings.Setting.StepsPerEpoch"/>).</summary>
    Given,

    /// <summary>Read from an epoch column or marks in the log.</summary>
    Log,

    /// <summary>Inferred from the periodicity of the signal itself.</summary>
    Inferred,
}
