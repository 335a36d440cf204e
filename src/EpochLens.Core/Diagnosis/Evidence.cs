namespace EpochLens.Diagnosis;

/// <summary>One measurement a finding rests on: what was seen, and what would be seen without the cause.</summary>
/// <param name="MeasurementId">The measurement's id (see <see cref="Analysis.MeasurementIds"/>).</param>
/// <param name="Statement">The evidence in a sentence.</param>
/// <param name="Observed">The measured value.</param>
/// <param name="WithoutCause">The value expected without the cause, when there is one.</param>
/// <param name="PValue">The measurement's own p-value, when tested.</param>
public sealed record Evidence(string MeasurementId, string Statement, double Observed, double? WithoutCause, double? PValue);
