namespace EpochLens.Watching;

/// <summary>
/// Remembers each run's last verdict and says what a new diagnosis changed: a new or vanished finding, confidence
/// or severity moving, the kind of answer changing; an unchanged "nothing found" only now and then.
/// </summary>
public sealed class VerdictTracker
{
    private readonly Dictionary<string, Remembered> _runs = new(StringComparer.Ordinal);

    public IReadOnlyList<VerdictChange> Compare(RunDiagnosis diagnosis)
    {
        ArgumentNullException.ThrowIfNull(diagnosis);
        // A "no structure" answer comes as a finding of no cause: the outcome speaks for it.
        var findings = diagnosis.Findings.Where(f => f.Cause != CauseId.None).Select(FindingState.Of).ToList();
        if (!_runs.TryGetValue(diagnosis.Source, out var before))
        {
            _runs[diagnosis.Source] = new Remembered(diagnosis.Outcome, findings, 0);
            return [new VerdictChange(VerdictChangeKind.First, diagnosis)];
        }

        var changes = new List<VerdictChange>();
        // Findings appearing say so themselves, one line each; an outcome line is for losing them or for "cannot tell".
        if (before.Outcome != diagnosis.Outcome && !(diagnosis.Outcome == DiagnosisOutcome.Findings && findings.Count > 0))
            changes.Add(new VerdictChange(VerdictChangeKind.Outcome, diagnosis, OutcomeBefore: before.Outcome));

        foreach (var now in findings)
        {
            var then = before.Findings.FirstOrDefault(f => f.Cause == now.Cause);
            if (then is null)
            {
                changes.Add(new VerdictChange(VerdictChangeKind.NewFinding, diagnosis, After: now));
                continue;
            }

            if (now.Confidence != then.Confidence)
                changes.Add(new VerdictChange(now.Confidence > then.Confidence ? VerdictChangeKind.ConfidenceUp : VerdictChangeKind.ConfidenceDown, diagnosis, then, now));

            if (now.Severity != then.Severity)
                changes.Add(new VerdictChange(VerdictChangeKind.SeverityChanged, diagnosis, then, now));
        }

        foreach (var then in before.Findings.Where(t => findings.All(f => f.Cause != t.Cause)))
            changes.Add(new VerdictChange(VerdictChangeKind.FindingGone, diagnosis, Before: then));

        int unchanged = changes.Count == 0 ? before.Unchanged + 1 : 0;
        _runs[diagnosis.Source] = new Remembered(diagnosis.Outcome, findings, unchanged);
        if (changes.Count == 0 && findings.Count == 0 && IsPowerOfFour(unchanged))
            changes.Add(new VerdictChange(VerdictChangeKind.StillNothing, diagnosis, Unchanged: unchanged));

        return changes;
    }

    private static bool IsPowerOfFour(int n) => n >= 4 && (n & (n - 1)) == 0 && (n & 0x55555555) != 0;

    private sealed record Remembered(DiagnosisOutcome Outcome, IReadOnlyList<FindingState> Findings, int Unchanged);
}
