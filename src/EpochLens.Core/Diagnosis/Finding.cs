namespace EpochLens.Diagnosis;

/// <summary>A cause named from its signature, with the evidence, what speaks against its rivals, how bad it is, and the fix.</summary>
/// <param name="Cause">The cause.</param>
/// <param name="Summary">The finding in one sentence.</param>
/// <param name="Confidence">How sure, with the number behind it.</param>
/// <param name="Evidence">The measurements it rests on.</param>
/// <param name="CounterEvidence">Why rival causes fit less well.</param>
/// <param name="Severity">How bad it is.</param>
/// <param name="Fix">What to change, in a sentence or two.</param>
public sealed record Finding(
    CauseId Cause,
    string Summary,
    Confidence Confidence,
    IReadOnlyList<Evidence> Evidence,
    IReadOnlyList<CounterEvidence> CounterEvidence,
    Severity Severity,
    string Fix);
