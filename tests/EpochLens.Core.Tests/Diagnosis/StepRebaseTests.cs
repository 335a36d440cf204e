using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// A log beyond ±2^53 is diagnosed counted from its loss's first step (issue 15): the same findings as the run at
/// steps 0..n-1, every series moved alike, and what the diagnosis reports in the log's own 64-bit steps.
/// </summary>
public sealed class StepRebaseTests
{
    private const int Points = 12_000;
    private const int Epoch = 400;

    private static readonly double[] Noise = MakeNoise();

    private static double[] MakeNoise()
    {
        var random = new Random(9);
        return [.. Enumerable.Range(0, Points).Select(_ => random.NextDouble() - 0.5)];
    }

    /// <summary>A loss that rises through each epoch and drops at the boundary, one spike, and a held-out loss every epoch from step 200.</summary>
    private static TrainingLog Log(long first)
    {
        var steps = Enumerable.Range(0, Points).Select(i => first + i).ToArray();
        var values = Enumerable.Range(0, Points)
            .Select(i => (2 * Math.Exp(-i / 6000.0)) + (0.05 * (i % Epoch) / Epoch) + (0.02 * Noise[i]) + (i == 7_777 ? 0.5 : 0))
            .ToArray();
        var heldOutSteps = Enumerable.Range(0, Points / Epoch).Select(e => first + 200 + (e * (long)Epoch)).ToArray();
        var heldOut = heldOutSteps.Select((_, e) => 1.5 - (0.01 * e)).ToArray();
        return new TrainingLog("run", "test", [
            new MetricSeries("loss", steps, values, role: SeriesRole.TrainLoss),
            new MetricSeries("val_loss", heldOutSteps, heldOut, role: SeriesRole.HeldOutLoss),
        ]);
    }

    [Theory]
    [InlineData(1L << 62)]
    [InlineData(long.MinValue)]
    [InlineData(long.MaxValue - Points + 1)]
    public void A_run_beyond_2_to_the_53_is_diagnosed_like_the_same_run_from_step_0(long first)
    {
        var atZero = new Diagnoser().Diagnose(Log(0));
        var moved = new Diagnoser().Diagnose(Log(first));

        Assert.Equal(DiagnosisOutcome.Findings, atZero.Outcome);
        Assert.Equal(atZero.Outcome, moved.Outcome);
        Assert.Equal(atZero.Verdict, moved.Verdict);
        Assert.Equal(atZero.Findings.Select(f => (f.Cause, f.Confidence, f.Summary)), moved.Findings.Select(f => (f.Cause, f.Confidence, f.Summary)));
        // Alike but for the held-out measurement's text, which names the log's own steps.
        static Measurement Untexted(Measurement m) => m.Id == MeasurementIds.HeldOutGap ? m with { Method = "" } : m;
        Assert.Equal(atZero.Measurements.Select(Untexted), moved.Measurements.Select(Untexted));
        Assert.Contains($"at step {first + 200 + (((Points / Epoch) - 1) * Epoch)}", moved.Measurements.Single(m => m.Id == MeasurementIds.HeldOutGap).Method, StringComparison.Ordinal);
        Assert.Equal(first, moved.StepOrigin);

        // Reported in the log's own steps: epoch starts and spikes exactly first + their steps at zero.
        var starts = atZero.Epochs.Structure!.StartSteps.ToArray();
        Assert.Equal(starts.Select(s => first + s), moved.Epochs.Structure!.StartSteps.ToArray());
        Assert.NotEmpty(atZero.Spikes);
        Assert.Equal(atZero.Spikes.Select(s => s with { Step = first + s.Step }), moved.Spikes);
        Assert.Contains(moved.Notes, n => n.Contains($"counted them from the first step, {first}", StringComparison.Ordinal));
    }

    [Fact]
    public void A_run_within_2_to_the_53_is_not_rebased()
    {
        // Epochs of a resumed run are counted from step 0, so a log that doubles can hold keeps its own steps.
        var diagnosis = new Diagnoser().Diagnose(Log(1_000_000));

        Assert.Equal(0, diagnosis.StepOrigin);
        Assert.DoesNotContain(diagnosis.Notes, n => n.Contains("2^53", StringComparison.Ordinal));
    }

    [Fact]
    public void Steps_more_than_2_to_the_53_apart_are_refused_naming_the_series()
    {
        var steps = Enumerable.Range(0, 100).Select(i => i < 50 ? long.MinValue + i : (1L << 60) + i).ToArray();
        var log = new TrainingLog("run.csv", "test", [new MetricSeries("loss", steps, new double[100], role: SeriesRole.TrainLoss)]);

        var error = Assert.Throws<DiagnosisException>(() => new Diagnoser().Diagnose(log));

        Assert.Contains("run.csv: series 'loss' has steps from -9223372036854775808 to 1152921504606847075, more than 2^53", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_series_too_far_from_the_loss_to_rebase_is_left_out_with_a_note()
    {
        var log = Log(1L << 62);
        var far = new MetricSeries("lr", [long.MinValue, long.MinValue + 1], [1e-3, 1e-3], role: SeriesRole.LearningRate);
        var notes = new List<string>();

        var rebased = StepRebase.Rebase(new TrainingLog(log.Source, log.Format, [.. log.Series, far]), 1L << 62, notes);

        Assert.Equal(["loss", "val_loss"], rebased.Series.Select(s => s.Name));
        Assert.Contains(notes, n => n.StartsWith("Series 'lr' (steps -9223372036854775808 to -9223372036854775807) lies more than 2^53 steps", StringComparison.Ordinal));
        Assert.Equal(200, rebased.Find("val_loss")!.Steps[0]);
        Assert.Equal(1L << 62, rebased.StepOrigin);
    }
}
