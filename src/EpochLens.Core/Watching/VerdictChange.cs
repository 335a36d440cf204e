namespace EpochLens.Watching;

/// <summary>One change of a run's verdict, with the diagnosis it was seen in.</summary>
/// <param name="Kind">What changed.</param>
/// <param name="Diagnosis">The new diagnosis.</param>
/// <param name="Before">The finding as it was (gone, or its confidence or severity before), when one is concerned.</param>
/// <param name="After">The finding as it is now (new, or changed), when one is concerned.</param>
/// <param name="OutcomeBefore">For <see cref="VerdictChangeKind.Outcome"/>: the earlier kind of answer.</param>
/// <param name="Unchanged">For <see cref="VerdictChangeKind.StillNothing"/>: diagnoses in a row without a change.</param>
public sealed record VerdictChange(
    VerdictChangeKind Kind,
    RunDiagnosis Diagnosis,
    FindingState? Before = null,
    FindingState? After = null,
    DiagnosisOutcome? OutcomeBefore = null,
    int Unchanged = 0);
