using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Readers;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>
/// The fine-tuning stair-step (each epoch starts lower and stays flat): named as recency from as few as three
/// window-averaged epochs, with advice that matches the measured direction of beta2, and never on a smooth curve.
/// </summary>
public class StairStepTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData(3, 0.85)]
    [InlineData(5, 0.95)]
    [InlineData(9, 0.95)]
    public void A_fifth_lower_at_every_epoch_start_is_named_recency_as_a_stair_step(int epochs, double rate)
    {
        // Window means of 10 steps with 35 % lognormal noise: each boundary drops by 2 point SDs.
        const int Runs = 20;
        int named = 0;
        for (int seed = 0; seed < Runs; seed++)
        {
            var log = ShapedRuns.StairStep(epochs, 500, drop: 0.2, seed);
            var diagnosis = new Diagnoser().Diagnose(log, new DiagnosisOptions { StepsPerEpoch = 500 });
            var primary = diagnosis.Primary!;
            if (primary.Cause != CauseId.Recency || primary.Confidence.Level < ConfidenceLevel.Medium)
            {
                output.WriteLine($"seed {seed}: {primary.Cause.ToId()} {primary.Confidence}");
                continue;
            }

            named++;
            Assert.Contains("memorised", primary.Summary, StringComparison.Ordinal);
            Assert.Contains("a smaller beta2 makes it stronger", primary.Fix, StringComparison.Ordinal);
            var step = diagnosis.Measurements.Single(m => m.Id == MeasurementIds.EpochStartStep);
            Assert.InRange(step.Value, -0.32, -0.08);
        }

        output.WriteLine($"{epochs} epochs: named recency with medium or high confidence in {named} of {Runs}");
        Assert.True(named >= rate * Runs, $"named in {named} of {Runs}");
    }

    [Fact]
    public void A_faint_three_epoch_stair_step_is_found_more_often_from_the_rise_and_the_drop_together()
    {
        // A 15 % drop at each of two boundaries, window means of 10 steps with 35 % noise: near the limit of either test alone
        // (measured: found in 19 of 30, where either test alone would pass in 16).
        const int Runs = 30;
        int found = 0, alone = 0;
        for (int seed = 0; seed < Runs; seed++)
        {
            var log = ShapedRuns.StairStep(3, 500, drop: 0.15, seed);
            var diagnosis = new Diagnoser().Diagnose(log, new DiagnosisOptions { StepsPerEpoch = 500 });
            found += diagnosis.Outcome == DiagnosisOutcome.Findings && diagnosis.Primary!.Cause == CauseId.Recency ? 1 : 0;
            var slope = diagnosis.Measurements.Single(m => m.Id == MeasurementIds.WithinEpochSlope);
            var step = diagnosis.Measurements.Single(m => m.Id == MeasurementIds.EpochStartStep);
            double smaller = Math.Min(slope.Value > 0 ? slope.PValue!.Value : 1, step.Value < 0 ? step.PValue!.Value : 1);
            alone += 2 * smaller * 7 <= Confidence.LowBelow ? 1 : 0;
        }

        output.WriteLine($"found as recency in {found} of {Runs}; either test alone, doubled and corrected for 7 causes, passes in {alone}");
        Assert.True(found > alone, $"{found} found, {alone} by either test alone");
    }

    [Fact]
    public void Three_stair_stepped_epochs_without_the_epoch_length_are_found_from_the_level_shifts()
    {
        var log = ShapedRuns.StairStep(3, 500, drop: 0.25, seed: 5);
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(EpochSource.Inferred, diagnosis.Epochs.Structure!.Source);
        Assert.InRange(diagnosis.Epochs.Structure.StepsPerEpoch, 495, 505);
        Assert.Equal(CauseId.Recency, diagnosis.Primary!.Cause);
    }

    [Fact]
    public void Smooth_fine_tune_curves_without_steps_raise_at_most_two_percent_false_alarms()
    {
        const int Runs = 150;
        int alarms = 0, measuredBelow = 0, inferred = 0;
        for (int seed = 0; seed < Runs; seed++)
        {
            var log = ShapedRuns.StairStep(3 + (seed % 5), 300 + (37 * (seed % 7)), drop: 0, seed);
            var given = new Diagnoser().Diagnose(log, new DiagnosisOptions { StepsPerEpoch = 300 + (37 * (seed % 7)) });
            alarms += given.Findings.Any(f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium) ? 1 : 0;
            measuredBelow += given.Measurements.FirstOrDefault(m => m.Id == MeasurementIds.EpochStartStep)?.PValue <= 0.01 ? 1 : 0;
            var hidden = new Diagnoser().Diagnose(log);
            inferred += hidden.Findings.Any(f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium) ? 1 : 0;
        }

        output.WriteLine($"of {Runs} smooth curves: {alarms} medium+ findings with the length given, {inferred} without; epoch-start-step p <= 0.01 on {measuredBelow}");
        Assert.True(alarms <= Runs * 2 / 100, $"{alarms} alarms with the length given");
        Assert.True(inferred <= Runs * 2 / 100, $"{inferred} alarms without the length");
        Assert.True(measuredBelow <= Runs * 3 / 100, $"the level-shift test fell below p = 0.01 on {measuredBelow} of {Runs}");
    }

    [Fact]
    public void A_real_three_epoch_alpaca_fine_tune_is_named_a_stair_step_from_its_trainer_state_and_as_plain_steps()
    {
        // Fixtures/public-hf/hf-alpaca-7b-3ep: the Trainer state of a public Alpaca fine-tune (SOURCES.md),
        // 406 steps per epoch, the loss of every step; each epoch starts clearly lower.
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "public-hf", "hf-alpaca-7b-3ep", "trainer_state.json");
        var log = DefaultLogReaders.Create().Read(path, new ReadOptions(), new ProblemLog()).Single();
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(CauseId.Recency, diagnosis.Primary!.Cause);
        Assert.True(diagnosis.Primary.Confidence.Level >= ConfidenceLevel.Medium);

        var loss = log.Find(EpochLens.Logs.SeriesRole.TrainLoss)!;
        var plain = ShapedRuns.Log("alpaca as step,loss", loss.Steps.ToArray(), loss.Values.ToArray());
        var hidden = new Diagnoser().Diagnose(plain);
        Assert.InRange(hidden.Epochs.Structure!.StepsPerEpoch, 402, 410);
        Assert.Equal(CauseId.Recency, hidden.Primary!.Cause);
    }
}
