namespace EpochLens.Cli.Commands.Analyze;

/// <summary>Decides <c>--fail-on</c>: whether any named cause is at least as severe as the threshold.</summary>
internal static class SeverityGate
{
    /// <summary>True when a finding naming a cause has a severity at or above <paramref name="threshold"/>; never for <see cref="SeverityLevel.None"/>.</summary>
    public static bool Trips(IEnumerable<RunDiagnosis> runs, SeverityLevel threshold) =>
        threshold != SeverityLevel.None
        && runs.Any(run => run.Outcome == DiagnosisOutcome.Findings
            && run.Findings.Any(f => f.Cause != CauseId.None && f.Severity.Level >= threshold));
}
