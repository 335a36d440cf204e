namespace EpochLens.Diagnosis;

/// <summary>The kind of answer a diagnosis gives.</summary>
public enum DiagnosisOutcome
{
    /// <summary>Epoch-aligned structure was found; the findings name its causes.</summary>
    Findings,

    /// <summary>No epoch-aligned structure: a "no problem" verdict.</summary>
    NoStructure,

    /// <summary>The log does not allow an answer (epochs unknown, too few epochs or points).</summary>
    CannotTell,
}
