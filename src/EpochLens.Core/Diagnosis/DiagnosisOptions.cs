namespace EpochLens.Diagnosis;

/// <summary>What the user tells the diagnosis.</summary>
public sealed record DiagnosisOptions
{
    /// <summary>Steps per epoch, overriding whatever the log says; null to read or infer it.</summary>
    public double? StepsPerEpoch { get; init; }

    /// <summary>The series to diagnose (name as the log spells it); null for the training loss.</summary>
    public string? Metric { get; init; }

    /// <summary>Infer the epoch length from the signal when nothing else says it.</summary>
    public bool InferEpochs { get; init; } = true;

    /// <summary>How messages spell a setting that would settle what they report (the command line gives its flags).</summary>
    public SettingSpelling Spell { get; init; } = SettingSpellings.Words;
}
