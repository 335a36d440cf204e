using EpochLens.Watching;

namespace EpochLens.Cli.Commands.Watch;

/// <summary>The one line <c>watch</c> prints for each change of a verdict: pure text, tested directly.</summary>
public static class VerdictLine
{
    public static string Describe(VerdictChange change, bool nameTheLog = false)
    {
        ArgumentNullException.ThrowIfNull(change);
        var run = change.Diagnosis;
        return $"{Where(run, nameTheLog)}: {What(change)}";
    }

    private static string What(VerdictChange change) => change.Kind switch
    {
        VerdictChangeKind.First => "first verdict: " + Verdict(change.Diagnosis),
        VerdictChangeKind.Outcome => $"verdict now {Verdict(change.Diagnosis)} (was {Outcome(change.OutcomeBefore!.Value)})",
        VerdictChangeKind.NewFinding => $"new finding: {Finding(change.After!)}: {Summary(change.Diagnosis, change.After!.Cause)}",
        VerdictChangeKind.FindingGone => $"finding gone: {change.Before!.Cause.ToId()} (was {Level(change.Before.Confidence)} confidence)",
        VerdictChangeKind.ConfidenceUp => $"confidence up: {change.After!.Cause.ToId()} {Level(change.Before!.Confidence)} -> {Level(change.After.Confidence)}",
        VerdictChangeKind.ConfidenceDown => $"confidence down: {change.After!.Cause.ToId()} {Level(change.Before!.Confidence)} -> {Level(change.After.Confidence)}",
        VerdictChangeKind.SeverityChanged => $"severity {(change.After!.Severity > change.Before!.Severity ? "up" : "down")}: {change.After.Cause.ToId()} {Level(change.Before.Severity)} -> {Level(change.After.Severity)}",
        VerdictChangeKind.StillNothing => $"still {Verdict(change.Diagnosis)}, {change.Unchanged} diagnoses in a row",
        _ => change.Kind.ToString(),
    };

    private static string Where(RunDiagnosis run, bool nameTheLog)
    {
        string log = nameTheLog ? $"{run.Source}, " : "";
        string epochs = run.Epochs.Structure is { } structure
            ? string.Create(CultureInfo.InvariantCulture, $", {structure.EpochCount} epoch(s) of {structure.StepsPerEpoch:0.##}")
            : "";
        return string.Create(CultureInfo.InvariantCulture, $"{log}{run.Points:N0} points{epochs}");
    }

    private static string Verdict(RunDiagnosis run) => run.Outcome switch
    {
        DiagnosisOutcome.Findings => string.Join("; ", run.Findings.Where(f => f.Cause != CauseId.None).Select(f => Finding(FindingState.Of(f)))),
        DiagnosisOutcome.NoStructure => "no epoch-aligned structure",
        _ => "cannot tell yet",
    };

    private static string Finding(FindingState finding) =>
        $"{finding.Cause.ToId()} ({Level(finding.Confidence)} confidence, {Level(finding.Severity)} severity)";

    private static string Summary(RunDiagnosis run, CauseId cause) => run.Findings.FirstOrDefault(f => f.Cause == cause)?.Summary ?? "";

    private static string Outcome(DiagnosisOutcome outcome) => outcome switch
    {
        DiagnosisOutcome.Findings => "findings",
        DiagnosisOutcome.NoStructure => "no structure",
        _ => "cannot tell",
    };

    private static string Level<T>(T level)
        where T : struct, Enum => level.ToString().ToLowerInvariant();
}
