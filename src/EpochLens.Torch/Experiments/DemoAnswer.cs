using EpochLens.Diagnosis;

namespace EpochLens.Torch.Experiments;

/// <summary>The demo's answer in words, composed from the two diagnoses (never assumed: a different run gets a different answer).</summary>
public static class DemoAnswer
{
    /// <summary>What causes the spikes, from the plotted curve's and the raw loss's diagnoses.</summary>
    public static string Cause(RunDiagnosis plotted, RunDiagnosis raw)
    {
        ArgumentNullException.ThrowIfNull(plotted);
        ArgumentNullException.ThrowIfNull(raw);
        bool runningMean = plotted.Outcome == DiagnosisOutcome.Findings && plotted.Primary?.Cause == CauseId.RunningMeanLogging;
        return (runningMean, raw.Outcome) switch
        {
            (true, DiagnosisOutcome.NoStructure) =>
                "The spikes you saw are the running mean being reset at every epoch: the raw per-step loss has no epoch-aligned structure.",
            (true, DiagnosisOutcome.Findings) =>
                $"The spikes in the plotted curve are the running mean being reset at every epoch; the raw loss has epoch-aligned structure of its own too: {raw.Verdict}",
            (true, _) =>
                $"The spikes in the plotted curve are the running mean being reset at every epoch; whether the raw loss has structure of its own cannot be told: {raw.Verdict}",
            _ => $"The plotted curve: {plotted.Verdict} The raw per-step loss: {raw.Verdict}",
        };
    }

    /// <summary>How bad it is: the plotted curve's primary finding's severity, and the raw loss's when it has one.</summary>
    public static string HowBad(RunDiagnosis plotted, RunDiagnosis raw)
    {
        ArgumentNullException.ThrowIfNull(plotted);
        ArgumentNullException.ThrowIfNull(raw);
        var parts = new List<string>();
        if (plotted.Outcome == DiagnosisOutcome.Findings && plotted.Primary is { } p)
            parts.Add($"{p.Severity.Statement} Fix: {p.Fix}");

        if (raw.Outcome == DiagnosisOutcome.Findings && raw.Primary is { } r)
            parts.Add($"In the raw loss, {r.Cause.ToId()}: {r.Severity.Statement}");

        return parts.Count > 0 ? string.Join(" ", parts) : "Nothing at the epoch boundaries to weigh.";
    }
}
