using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Python.Tests;

/// <summary>
/// Short real PyTorch runs (scripts/train_cause.py: an MLP with Adam at batch size 1, 1000 samples x 6 epochs,
/// one cause written into the loop) recorded with the Python recorder and diagnosed from the telemetry folder,
/// as `epochlens analyze RUN` would.
/// </summary>
public class RecordedCauseTests
{
    private static TrainingLog Read(string folder) =>
        DefaultLogReaders.Create().Read(folder, new ReadOptions(), new ProblemLog()).Single();

    private static RunDiagnosis Diagnose(string cause) => new Diagnoser().Diagnose(Read(PythonRuns.Recorded("train_cause.py", cause)));

    [PythonTheory]
    [InlineData("optimizer-rebuilt", CauseId.OptimizerReset)]
    [InlineData("lr-restarts", CauseId.LrSchedule)]
    [InlineData("weights-reloaded", CauseId.StateReload)]
    [InlineData("fixed-order", CauseId.FixedOrder)]
    public void The_cause_in_the_loop_is_the_primary_finding_with_at_least_medium_confidence(string cause, CauseId expected)
    {
        var diagnosis = Diagnose(cause);

        Assert.Equal(DiagnosisOutcome.Findings, diagnosis.Outcome);
        Assert.Equal(expected, diagnosis.Primary!.Cause);
        Assert.True(diagnosis.Primary.Confidence.Level >= ConfidenceLevel.Medium, $"{diagnosis.Primary.Confidence.Level} (p = {diagnosis.Primary.Confidence.PValue})");
    }

    [PythonFact]
    public void A_healthy_run_gets_no_finding()
    {
        var diagnosis = Diagnose("healthy");

        Assert.Equal(DiagnosisOutcome.NoStructure, diagnosis.Outcome);
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause != CauseId.None);
    }
}
