using EpochLens.Diagnosis;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// Runs recorded with the TorchSharp harness (Fixtures/harness-runs/make.sh: the question's CNN, 1000 samples
/// a epoch for 6 epochs, one cause switch each), read as telemetry folders with everything they log.
/// </summary>
public class HarnessRunTests
{
    private static RunDiagnosis Diagnose(string run, string? metric = null)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "harness-runs", run);
        var log = DefaultLogReaders.Create().Read(path, new ReadOptions(), new ProblemLog()).Single();
        return new Diagnoser().Diagnose(log, new DiagnosisOptions { Metric = metric });
    }

    [Theory]
    [InlineData("fixed-order", CauseId.FixedOrder)]
    [InlineData("optimizer-rebuilt", CauseId.OptimizerReset)]
    [InlineData("weights-reloaded", CauseId.StateReload)]
    [InlineData("partial-last-batch", CauseId.PartialLastBatch)]
    [InlineData("accumulation-leftover", CauseId.GradAccumulationLeftover)]
    public void The_switched_on_cause_is_the_primary_finding_with_at_least_medium_confidence(string run, CauseId cause)
    {
        var diagnosis = Diagnose(run);

        Assert.Equal(DiagnosisOutcome.Findings, diagnosis.Outcome);
        Assert.Equal(cause, diagnosis.Primary!.Cause);
        Assert.True(diagnosis.Primary.Confidence.Level >= ConfidenceLevel.Medium, $"{diagnosis.Primary.Confidence.Level} (p = {diagnosis.Primary.Confidence.PValue})");
    }

    [Fact]
    public void The_running_mean_the_run_plotted_is_named_and_its_raw_loss_is_clean()
    {
        var plotted = Diagnose("running-mean", metric: "logged_loss");
        var raw = Diagnose("running-mean");

        Assert.Equal(CauseId.RunningMeanLogging, plotted.Primary!.Cause);
        Assert.Equal(ConfidenceLevel.High, plotted.Primary.Confidence.Level);
        Assert.Equal(DiagnosisOutcome.NoStructure, raw.Outcome);
    }

    [Theory]
    [InlineData("running-mean", "logged_loss", CauseId.RunningMeanLogging)]
    [InlineData("fixed-order", "loss", CauseId.FixedOrder)]
    public void From_the_loss_alone_the_epoch_length_is_inferred_to_the_step_and_the_cause_named(string run, string metric, CauseId cause)
    {
        // What a user's plain step,loss log of the run would hold: no epoch column, no telemetry.
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "harness-runs", run);
        var full = DefaultLogReaders.Create().Read(path, new ReadOptions(), new ProblemLog()).Single();
        var loss = full.Series.Single(s => s.Name == metric);
        var lossOnly = new EpochLens.Logs.TrainingLog("loss.csv", "csv",
            [new EpochLens.Logs.MetricSeries("loss", loss.Steps.ToArray(), loss.Values.ToArray(), role: EpochLens.Logs.SeriesRole.TrainLoss)]);

        var diagnosis = new Diagnoser().Diagnose(lossOnly);

        Assert.Equal(EpochLens.Analysis.EpochSource.Inferred, diagnosis.Epochs.Structure!.Source);
        Assert.Equal(1000, diagnosis.Epochs.Structure.StepsPerEpoch);
        Assert.Equal(cause, diagnosis.Primary!.Cause);
    }

    [Fact]
    public void A_healthy_run_gets_no_finding()
    {
        var diagnosis = Diagnose("healthy");

        Assert.Equal(DiagnosisOutcome.NoStructure, diagnosis.Outcome);
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause != CauseId.None);
    }
}
