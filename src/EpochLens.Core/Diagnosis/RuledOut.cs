namespace EpochLens.Diagnosis;

/// <summary>A cause the engine checked and found no sign of, with the reason.</summary>
public sealed record RuledOut(CauseId Cause, string Reason);
