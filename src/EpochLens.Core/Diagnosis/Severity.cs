namespace EpochLens.Diagnosis;

/// <summary>"How bad is it": whether the effect is real, and what each boundary costs.</summary>
/// <param name="Level">How much it should worry the user.</param>
/// <param name="Impact">Log artefact, cosmetic, real effect on training, intended, or unknown.</param>
/// <param name="PeakExcess">The largest relative departure of the loss from its trend after a boundary (0.05 = 5 %), when measured.</param>
/// <param name="RecoverySteps">Steps until the loss settles after a boundary, when measured.</param>
/// <param name="RecoveryShareOfEpoch">Those steps as a share of the epoch.</param>
/// <param name="Statement">The verdict on harm in a sentence or two.</param>
public sealed record Severity(SeverityLevel Level, Impact Impact, double? PeakExcess, double? RecoverySteps, double? RecoveryShareOfEpoch, string Statement);
