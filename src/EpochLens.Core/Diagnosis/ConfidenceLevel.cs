namespace EpochLens.Diagnosis;

/// <summary>How sure a finding is, in words; <see cref="Confidence"/> carries the number behind it.</summary>
public enum ConfidenceLevel
{
    Low,
    Medium,
    High,
}
