namespace EpochLens.Diagnosis;

/// <summary>Why a rival cause does not fit as well, or what would tell the two apart.</summary>
/// <param name="Rival">The rival cause.</param>
/// <param name="Statement">The reason, in a sentence.</param>
public sealed record CounterEvidence(CauseId Rival, string Statement);
