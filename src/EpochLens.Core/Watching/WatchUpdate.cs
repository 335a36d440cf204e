namespace EpochLens.Watching;

/// <summary>What one poll of a watched run did.</summary>
/// <param name="Read">Something new was read.</param>
/// <param name="Diagnoses">The diagnoses made in this poll (one per log with a loss); empty when none was due.</param>
/// <param name="Failures">Why a log could not be diagnosed in this poll (too short yet, no loss series), one line each.</param>
/// <param name="Changes">How the verdicts moved, in the order to report them.</param>
public sealed record WatchUpdate(bool Read, IReadOnlyList<RunDiagnosis> Diagnoses, IReadOnlyList<string> Failures, IReadOnlyList<VerdictChange> Changes)
{
    public bool Diagnosed => Diagnoses.Count > 0 || Failures.Count > 0;
}
