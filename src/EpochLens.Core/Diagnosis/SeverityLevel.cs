namespace EpochLens.Diagnosis;

/// <summary>How much a finding should worry the user.</summary>
public enum SeverityLevel
{
    None,
    Low,
    Medium,
    High,
}
