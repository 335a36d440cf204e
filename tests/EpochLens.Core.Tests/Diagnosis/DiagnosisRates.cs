using EpochLens.Diagnosis;
using EpochLens.Synthetic;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>Runs the diagnoser over synthetic runs and counts outcomes: the rates the accuracy tests assert.</summary>
internal static class DiagnosisRates
{
    public static (int Alarms, int Runs, string Detail) NullAlarms(int runs, bool giveEpochLength, Diagnoser diagnoser)
    {
        int alarms = 0;
        var detail = new List<string>();
        for (int seed = 0; seed < runs; seed++)
        {
            var run = SyntheticRunGenerator.Generate(NullScenarios.Spec(seed), seed);
            var diagnosis = diagnoser.Diagnose(run.Log, Options(run, giveEpochLength));
            var alarm = diagnosis.Findings.FirstOrDefault(f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium);
            if (alarm is not null)
            {
                alarms++;
                detail.Add($"seed {seed}: {alarm.Cause.ToId()} ({alarm.Confidence.Level}, p = {alarm.Confidence.PValue:G2}) on {run.Description}");
            }
        }

        return (alarms, runs, string.Join(Environment.NewLine, detail));
    }

    /// <summary>How often the planted cause is the primary finding of a diagnosis that found structure.</summary>
    public static (int Primary, int WrongMediumOrHigh, int Runs, string Detail) Planted(CauseId cause, int runs, Diagnoser diagnoser)
    {
        int primary = 0, wrong = 0;
        var detail = new List<string>();
        for (int seed = 0; seed < runs; seed++)
        {
            var run = SyntheticRunGenerator.Generate(PlantedScenarios.Spec(cause, seed), seed);
            var diagnosis = diagnoser.Diagnose(run.Log, Options(run, giveEpochLength: true));
            var top = diagnosis.Primary;
            if (diagnosis.Outcome == DiagnosisOutcome.Findings && top?.Cause == cause)
            {
                primary++;
                continue;
            }

            if (top is not null && top.Cause is not CauseId.None and not CauseId.EpochAlignedUnexplained && top.Confidence.Level >= ConfidenceLevel.Medium)
            {
                wrong++;
            }

            detail.Add($"seed {seed}: {diagnosis.Outcome}, primary {top?.Cause.ToId() ?? "-"} ({top?.Confidence.Level}) on {run.Description}");
        }

        return (primary, wrong, runs, string.Join(Environment.NewLine, detail));
    }

    private static DiagnosisOptions Options(SyntheticRun run, bool giveEpochLength) =>
        new() { StepsPerEpoch = giveEpochLength ? run.Truth.StepsPerEpoch : null };
}
