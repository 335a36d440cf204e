using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Settings;

namespace EpochLens.Core.Tests.Diagnosis;

public class DiagnoserTests
{
    private const int PerEpoch = 400;

    [Fact]
    public void A_learning_rate_that_changes_at_every_boundary_is_named_with_the_evidence()
    {
        // Step decay per epoch, visible in the loss's noise level too.
        var log = Log(8, (epoch, position, rng) => Math.Exp(-epoch * 0.1) * (1 + (0.3 * Normal(rng) * Math.Pow(0.7, epoch))),
            lr: (epoch, _) => 1e-3 * Math.Pow(0.5, epoch));
        var diagnosis = new Diagnoser().Diagnose(log);
        var finding = diagnosis.Findings.Single(f => f.Cause == CauseId.LrSchedule);
        Assert.Equal(Impact.Intended, finding.Severity.Impact);
        Assert.Contains(finding.Evidence, e => e.MeasurementId == MeasurementIds.LearningRateChange && e.Observed == 1);
    }

    /// <summary>A warm-up over the first quarter epoch, then tenfold decays at the starts of epochs 9 and 12 (mmdetection's 1x schedule).</summary>
    private static double StepSchedule(int epoch, int position) =>
        epoch == 0 && position < PerEpoch / 4 ? 0.02 * (position + 1) / (PerEpoch / 4) : 0.02 * (epoch >= 8 ? 0.1 : 1) * (epoch >= 11 ? 0.1 : 1);

    [Fact]
    public void A_step_schedule_that_decays_at_a_few_boundaries_is_named_where_the_loss_drops_there()
    {
        // The loss falls smoothly and drops by a quarter at each decay.
        var log = Log(12, (epoch, position, rng) => Math.Exp(-0.05 * (epoch + (position / (double)PerEpoch))) * (epoch >= 8 ? 0.75 : 1) * (epoch >= 11 ? 0.9 : 1) * (1 + (0.2 * Normal(rng))), lr: StepSchedule);
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(CauseId.LrSchedule, diagnosis.Primary!.Cause);
        Assert.True(diagnosis.Primary.Confidence.Level >= ConfidenceLevel.Medium, diagnosis.Primary.Confidence.ToString());
        Assert.Contains("epochs 9 and 12", diagnosis.Primary.Summary, StringComparison.Ordinal);
        Assert.Equal(Impact.Intended, diagnosis.Primary.Severity.Impact);
        // The trend breaks at the decays, so they cannot pass for a pattern of every epoch.
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause != CauseId.LrSchedule && f.Confidence.Level >= ConfidenceLevel.Medium);
    }

    [Fact]
    public void A_step_schedule_the_loss_does_not_answer_is_no_finding()
    {
        var diagnosis = new Diagnoser().Diagnose(Log(12, (epoch, position, rng) => Math.Exp(-0.05 * (epoch + (position / (double)PerEpoch))) * (1 + (0.2 * Normal(rng))), lr: StepSchedule));
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium);
        Assert.Contains(diagnosis.RuledOut, r => r.Cause == CauseId.LrSchedule && r.Reason.Contains("no more than elsewhere", StringComparison.Ordinal));
    }

    [Fact]
    public void A_decay_inside_an_epoch_breaks_the_trend_without_a_finding()
    {
        // Iteration-based milestones: the rate and the loss drop in the middle of epochs 6 and 9, away from any boundary.
        const int first = (6 * PerEpoch) + (PerEpoch / 2), second = (9 * PerEpoch) + (PerEpoch / 2);
        var log = Log(
            12,
            (epoch, position, rng) =>
            {
                int t = (epoch * PerEpoch) + position;
                return Math.Exp(-0.05 * t / PerEpoch) * (t >= first ? 0.6 : 1) * (t >= second ? 0.7 : 1) * (1 + (0.2 * Normal(rng)));
            },
            lr: (epoch, position) =>
            {
                int t = (epoch * PerEpoch) + position;
                return 0.1 * (t >= first ? 0.1 : 1) * (t >= second ? 0.1 : 1);
            });
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause != CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium);
    }

    [Fact]
    public void A_short_rise_after_the_boundary_is_a_fresh_optimizer_only_where_the_epochs_first_loss_shows_it_came_with_the_updates()
    {
        // The loss rises after each epoch's first update and settles within 30 steps: per step, the epoch's first loss
        // (computed before that update) is at the old level, which weights swapped at the boundary could not leave.
        var rng = new Random(3);
        int n = 8 * PerEpoch;
        var values = new double[n];
        for (int t = 0; t < n; t++)
        {
            int position = t % PerEpoch;
            double bump = t >= PerEpoch && position >= 1 ? 0.6 * Math.Exp(-(position - 1) / 10.0) : 0;
            values[t] = Math.Exp(-0.05 * t / PerEpoch) * (1 + bump + (0.2 * Normal(rng)));
        }

        var perStep = new Diagnoser().Diagnose(new TrainingLog("test", "test", [new MetricSeries("loss", Steps(n), values, role: SeriesRole.TrainLoss)], new EpochHint(PerEpoch, null, "test")));
        Assert.Equal(CauseId.OptimizerReset, perStep.Primary!.Cause);
        Assert.True(perStep.Primary.Confidence.Level >= ConfidenceLevel.Medium, perStep.Primary.Confidence.ToString());

        // The same run logged as means of 5 steps hides the first loss: a fresh optimizer and weights swapped for nearby
        // ones (an EMA) read the same, so neither is claimed above low confidence.
        const int window = 5;
        var meanSteps = Enumerable.Range(1, n / window).Select(k => (long)((k * window) - 1)).ToArray();
        var means = meanSteps.Select(s => values.Skip((int)s - window + 1).Take(window).Average()).ToArray();
        var windowed = new Diagnoser().Diagnose(new TrainingLog("test", "test", [new MetricSeries("loss", meanSteps, means, role: SeriesRole.TrainLoss)], new EpochHint(PerEpoch, null, "test")));
        Assert.DoesNotContain(windowed.Findings, f => f.Cause == CauseId.OptimizerReset && f.Confidence.Level >= ConfidenceLevel.Medium);
    }

    [Fact]
    public void Findings_are_corrected_only_for_the_causes_the_log_can_test()
    {
        // Loss only: the learning-rate schedule and the accumulation groups cannot be tested, so they cannot raise a
        // false alarm and do not count; with the learning rate logged, the schedule counts again.
        var lossOnly = new Diagnoser().Diagnose(ShapedRuns.Sawtooth(80, 64, rise: 0.25, seed: 4));
        Assert.Contains("corrected for the 6 causes tested", lossOnly.Primary!.Confidence.Basis, StringComparison.Ordinal);
        Assert.Contains(lossOnly.RuledOut, r => r.Cause == CauseId.LrSchedule && r.Reason.StartsWith("not testable: ", StringComparison.Ordinal));

        // A constant rate and a rise through every epoch (the sawtooth of recency).
        var withRate = new Diagnoser().Diagnose(Log(8, (epoch, position, rng) => 1 + (0.3 * Normal(rng)) + (0.002 * position), lr: (_, _) => 1e-3));
        Assert.Equal(CauseId.Recency, withRate.Primary!.Cause);
        Assert.Contains("corrected for the 7 causes tested", withRate.Primary.Confidence.Basis, StringComparison.Ordinal);
    }

    [Fact]
    public void An_optimizer_step_counter_that_restarts_at_every_boundary_names_the_optimizer_reset()
    {
        var log = Log(6, (epoch, position, rng) => 1 + (0.2 * Normal(rng)), optimizerStep: (epoch, position) => position + 1);
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(CauseId.OptimizerReset, diagnosis.Findings.First(f => f.Cause != CauseId.None).Cause);
    }

    [Fact]
    public void A_log_that_states_running_means_is_believed_and_the_rest_is_judged_on_de_averaged_losses()
    {
        var rng = new Random(4);
        var raw = Enumerable.Range(0, 6 * PerEpoch).Select(_ => 0.5 + rng.NextDouble()).ToArray();
        var means = new double[raw.Length];
        for (int t = 0; t < raw.Length; t++)
        {
            int k = t % PerEpoch;
            means[t] = k == 0 ? raw[t] : ((means[t - 1] * k) + raw[t]) / (k + 1);
        }

        var series = new MetricSeries("loss", Steps(raw.Length), means, role: SeriesRole.TrainLoss,
            averaging: new ValueAveraging(AveragingKind.RunningMeanSinceEpochStart, Evidence: "test says so"));
        var diagnosis = new Diagnoser().Diagnose(new TrainingLog("t", "test", [series], new EpochHint(PerEpoch, null, "test")));
        Assert.Equal(CauseId.RunningMeanLogging, diagnosis.Primary!.Cause);
        Assert.Equal(Impact.LogOnly, diagnosis.Primary.Severity.Impact);
        Assert.Contains(diagnosis.Notes, n => n.Contains("de-averaging", StringComparison.Ordinal));
        Assert.DoesNotContain(diagnosis.Findings, f => f.Cause is not CauseId.RunningMeanLogging and not CauseId.None && f.Confidence.Level >= ConfidenceLevel.Medium);
    }

    [Fact]
    public void Plain_noise_gets_a_plain_no_structure_verdict()
    {
        var log = Log(8, (epoch, position, rng) => Math.Exp((-0.001 * ((epoch * PerEpoch) + position)) + (0.5 * Normal(rng))));
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(DiagnosisOutcome.NoStructure, diagnosis.Outcome);
        Assert.Equal(CauseId.None, diagnosis.Primary!.Cause);
        Assert.NotEmpty(diagnosis.RuledOut);
    }

    [Fact]
    public void Two_epochs_are_too_few_to_tell()
    {
        var log = Log(2, (epoch, position, rng) => 1 + Normal(rng) * 0.1);
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(DiagnosisOutcome.CannotTell, diagnosis.Outcome);
        Assert.Contains("epoch", diagnosis.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_epochs_in_the_log_or_inference_it_cannot_tell_and_says_what_to_give()
    {
        var series = new MetricSeries("loss", Steps(1000), Enumerable.Repeat(1.0, 1000).ToArray(), role: SeriesRole.TrainLoss);
        var diagnosis = new Diagnoser().Diagnose(new TrainingLog("t", "test", [series]));
        Assert.Equal(DiagnosisOutcome.CannotTell, diagnosis.Outcome);
        Assert.Contains("Give the steps-per-epoch setting.", diagnosis.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void What_to_give_is_spelled_the_callers_way()
    {
        // The command line passes its flags; a library caller its own names for the settings.
        var series = new MetricSeries("loss", Steps(1000), Enumerable.Repeat(1.0, 1000).ToArray(), role: SeriesRole.TrainLoss);
        var options = new DiagnosisOptions { Spell = hint => $"<{hint.Setting}{hint.Value}>" };

        var diagnosis = new Diagnoser().Diagnose(new TrainingLog("t", "test", [series]), options);
        var tooLong = Assert.Throws<DiagnosisException>(() => new Diagnoser().Diagnose(new TrainingLog("t", "test", [series]), options with { StepsPerEpoch = 5000 }));

        Assert.EndsWith("Give <StepsPerEpoch>.", diagnosis.Verdict, StringComparison.Ordinal);
        Assert.StartsWith("t: <StepsPerEpoch5000>: ", tooLong.Message, StringComparison.Ordinal);
        Assert.Equal(new SettingHint(Setting.StepsPerEpoch, "5000"), tooLong.Hint);
    }

    [Fact]
    public void A_missing_metric_names_the_series_the_log_has()
    {
        var log = Log(4, (epoch, position, rng) => 1);
        var error = Assert.Throws<DiagnosisException>(() => new Diagnoser().Diagnose(log, new DiagnosisOptions { Metric = "val_acc" }));
        Assert.Contains("'loss'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_finite_losses_are_left_out_and_noted()
    {
        var log = Log(5, (epoch, position, rng) => position == 17 ? double.NaN : 1 + (0.1 * Normal(rng)));
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(5, diagnosis.NonFinitePoints);
        Assert.Contains(diagnosis.Notes, n => n.Contains("NaN", StringComparison.Ordinal));
    }

    [Fact]
    public void A_failing_detector_becomes_a_note_not_a_crash()
    {
        var log = Log(5, (epoch, position, rng) => 1 + (0.1 * Normal(rng)));
        var diagnosis = new Diagnoser([new ThrowingDetector()]).Diagnose(log);
        Assert.Contains(diagnosis.Notes, n => n.Contains("fixed-order detector failed", StringComparison.Ordinal));
    }

    private sealed class ThrowingDetector : ICauseDetector
    {
        public CauseId Cause => CauseId.FixedOrder;

        public DetectorVerdict Detect(EpochAnalysis analysis) => throw new InvalidOperationException("broken on purpose");
    }

    private static TrainingLog Log(int epochs, Func<int, int, Random, double> loss, Func<int, int, double>? lr = null, Func<int, int, double>? optimizerStep = null)
    {
        var rng = new Random(1);
        int n = epochs * PerEpoch;
        var values = new double[n];
        var rates = new double[n];
        var counter = new double[n];
        for (int t = 0; t < n; t++)
        {
            values[t] = loss(t / PerEpoch, t % PerEpoch, rng);
            rates[t] = lr?.Invoke(t / PerEpoch, t % PerEpoch) ?? 0;
            counter[t] = optimizerStep?.Invoke(t / PerEpoch, t % PerEpoch) ?? 0;
        }

        var series = new List<MetricSeries> { new("loss", Steps(n), values, role: SeriesRole.TrainLoss) };
        if (lr is not null)
        {
            series.Add(new MetricSeries("lr", Steps(n), rates, role: SeriesRole.LearningRate));
        }

        if (optimizerStep is not null)
        {
            series.Add(new MetricSeries("optimizer_step", Steps(n), counter, role: SeriesRole.OptimizerStep));
        }

        return new TrainingLog("test", "test", series, new EpochHint(PerEpoch, null, "test"));
    }

    private static long[] Steps(int n) => Enumerable.Range(0, n).Select(i => (long)i).ToArray();

    private static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
