using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// What the log's own resolution allows: a running mean printed to four decimals is still a running mean (and
/// leads), a claim about the last step of an epoch needs that step in the log, and plain step,loss exports whose
/// pattern is plain to see give their epoch length.
/// </summary>
public class LogResolutionTests
{
    [Theory]
    [InlineData(0.3)]
    [InlineData(0.02)]
    public void A_keras_running_mean_printed_to_four_decimals_is_the_primary_finding_with_and_without_the_length(double floor)
    {
        var log = ShapedRuns.RoundedRunningMean(5, 1875, floor, decimals: 4, seed: 3);
        var given = new Diagnoser().Diagnose(log, new DiagnosisOptions { StepsPerEpoch = 1875 });
        Assert.Equal(CauseId.RunningMeanLogging, given.Primary!.Cause);
        Assert.Equal(ConfidenceLevel.High, given.Primary.Confidence.Level);
        var hidden = new Diagnoser().Diagnose(log);
        Assert.Equal(1875, hidden.Epochs.Structure!.StepsPerEpoch);
        Assert.Equal(CauseId.RunningMeanLogging, hidden.Primary!.Cause);
    }

    [Fact]
    public void Rounding_is_read_from_the_values()
    {
        Assert.Equal(1e-4, RoundingQuantum.Of(Enumerable.Range(0, 100).Select(i => Math.Round(0.3 + (i * 0.01237), 4)).ToArray()), 12);
        Assert.Equal(1e-4, RoundingQuantum.Of(Enumerable.Range(0, 100).Select(i => (double)(float)Math.Round(0.3 + (i * 0.01237), 4)).ToArray()), 12);
        Assert.Equal(0, RoundingQuantum.Of(Enumerable.Range(0, 100).Select(i => Math.Sqrt(i + 2)).ToArray()));
    }

    [Fact]
    public void A_last_batch_the_log_never_records_is_not_claimed()
    {
        // The summed half-size last batch dips at the last step of each epoch; logged every 10 steps (at 9, 19, ...),
        // the log holds that step in one epoch of 12, so no claim about it is made.
        var full = ShapedRuns.SummedHalfLastBatch(12, 157, seed: 2);
        var loss = full.Series[0];
        var kept = Enumerable.Range(0, loss.Count).Where(i => loss.Steps[i] % 10 == 9).ToArray();
        var sparse = ShapedRuns.Log("sparse", kept.Select(i => loss.Steps[i]).ToArray(), kept.Select(i => loss.Values[i]).ToArray());
        var diagnosis = new Diagnoser().Diagnose(sparse, new DiagnosisOptions { StepsPerEpoch = 157 });
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause == CauseId.PartialLastBatch);
        Assert.Contains(diagnosis.RuledOut, r => r.Cause == CauseId.PartialLastBatch && r.Reason.Contains("not testable", StringComparison.Ordinal));

        var perStep = new Diagnoser().Diagnose(full, new DiagnosisOptions { StepsPerEpoch = 157 });
        Assert.Equal(CauseId.PartialLastBatch, perStep.Primary!.Cause);
    }

    [Fact]
    public void No_single_step_claim_on_values_that_are_window_means()
    {
        // The same per-step run with its dip at every epoch's last step, but the log says each value is a mean over
        // a logging window (as the Hugging Face Trainer's are): no point is one step, so nothing is claimed about one.
        var full = ShapedRuns.SummedHalfLastBatch(12, 157, seed: 2);
        var loss = full.Series[0];
        var windowed = new TrainingLog("windowed", "text", [loss.With(averaging: new ValueAveraging(AveragingKind.MovingWindow, null, "printed dicts"))]);
        var diagnosis = new Diagnoser().Diagnose(windowed, new DiagnosisOptions { StepsPerEpoch = 157 });
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause == CauseId.PartialLastBatch);
        Assert.Contains(diagnosis.RuledOut, r => r.Cause == CauseId.PartialLastBatch && r.Reason.Contains("not testable", StringComparison.Ordinal));
    }

    [Fact]
    public void A_summed_loss_dipping_once_per_epoch_gives_its_epoch_length_and_cause()
    {
        var diagnosis = new Diagnoser().Diagnose(ShapedRuns.SummedHalfLastBatch(10, 157, seed: 1));
        Assert.Equal(157, diagnosis.Epochs.Structure!.StepsPerEpoch);
        Assert.Equal(CauseId.PartialLastBatch, diagnosis.Primary!.Cause);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Cosine_warm_restarts_every_epoch_give_their_epoch_length(int seed)
    {
        var diagnosis = new Diagnoser().Diagnose(ShapedRuns.WarmRestarts(8, 300, amplitude: 0.5, noise: 0.3, seed));
        Assert.InRange(diagnosis.Epochs.Structure!.StepsPerEpoch, 297, 303);
    }

    [Fact]
    public void A_small_set_memorised_over_80_epochs_gives_its_epoch_length_and_the_sawtooth()
    {
        var diagnosis = new Diagnoser().Diagnose(ShapedRuns.Sawtooth(80, 64, rise: 0.25, seed: 4));
        Assert.Equal(64, diagnosis.Epochs.Structure!.StepsPerEpoch);
        Assert.Equal(CauseId.Recency, diagnosis.Primary!.Cause);
    }
}
