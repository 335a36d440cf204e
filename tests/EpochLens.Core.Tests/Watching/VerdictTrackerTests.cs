using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Watching;

namespace EpochLens.Core.Tests.Watching;

public sealed class VerdictTrackerTests
{
    [Fact]
    public void The_first_diagnosis_is_the_first_verdict()
    {
        var tracker = new VerdictTracker();

        var change = Assert.Single(tracker.Compare(Run(DiagnosisOutcome.CannotTell)));

        Assert.Equal(VerdictChangeKind.First, change.Kind);
    }

    [Fact]
    public void A_finding_appearing_is_one_new_finding_line_not_an_outcome_line_too()
    {
        var tracker = new VerdictTracker();
        tracker.Compare(Run(DiagnosisOutcome.CannotTell));

        var change = Assert.Single(tracker.Compare(Run(DiagnosisOutcome.Findings, (CauseId.RunningMeanLogging, ConfidenceLevel.Medium, SeverityLevel.Low))));

        Assert.Equal(VerdictChangeKind.NewFinding, change.Kind);
        Assert.Equal(CauseId.RunningMeanLogging, change.After!.Cause);
    }

    [Theory]
    [InlineData(ConfidenceLevel.Low, ConfidenceLevel.High, VerdictChangeKind.ConfidenceUp)]
    [InlineData(ConfidenceLevel.High, ConfidenceLevel.Medium, VerdictChangeKind.ConfidenceDown)]
    public void Confidence_moving_is_said_with_both_levels(ConfidenceLevel before, ConfidenceLevel after, VerdictChangeKind expected)
    {
        var tracker = new VerdictTracker();
        tracker.Compare(Run(DiagnosisOutcome.Findings, (CauseId.FixedOrder, before, SeverityLevel.Medium)));

        var change = Assert.Single(tracker.Compare(Run(DiagnosisOutcome.Findings, (CauseId.FixedOrder, after, SeverityLevel.Medium))));

        Assert.Equal(expected, change.Kind);
        Assert.Equal(before, change.Before!.Confidence);
        Assert.Equal(after, change.After!.Confidence);
    }

    [Fact]
    public void Findings_replaced_and_severity_changed_each_get_a_line()
    {
        var tracker = new VerdictTracker();
        tracker.Compare(Run(DiagnosisOutcome.Findings, (CauseId.Recency, ConfidenceLevel.High, SeverityLevel.Low), (CauseId.LrSchedule, ConfidenceLevel.Low, SeverityLevel.Low)));

        var changes = tracker.Compare(Run(DiagnosisOutcome.Findings, (CauseId.Recency, ConfidenceLevel.High, SeverityLevel.High), (CauseId.OptimizerReset, ConfidenceLevel.Medium, SeverityLevel.Medium)));

        Assert.Equal([VerdictChangeKind.SeverityChanged, VerdictChangeKind.NewFinding, VerdictChangeKind.FindingGone], changes.Select(c => c.Kind));
        Assert.Equal(CauseId.OptimizerReset, changes[1].After!.Cause);
        Assert.Equal(CauseId.LrSchedule, changes[2].Before!.Cause);
    }

    [Fact]
    public void Losing_every_finding_also_says_what_the_verdict_is_now()
    {
        var tracker = new VerdictTracker();
        tracker.Compare(Run(DiagnosisOutcome.Findings, (CauseId.Recency, ConfidenceLevel.Low, SeverityLevel.Low)));

        var changes = tracker.Compare(Run(DiagnosisOutcome.NoStructure));

        Assert.Equal([VerdictChangeKind.Outcome, VerdictChangeKind.FindingGone], changes.Select(c => c.Kind));
        Assert.Equal(DiagnosisOutcome.Findings, changes[0].OutcomeBefore);
    }

    [Fact]
    public void Still_nothing_is_said_after_4_16_and_64_unchanged_diagnoses_only()
    {
        var tracker = new VerdictTracker();
        var said = new List<int>();
        for (int diagnosis = 0; diagnosis <= 70; diagnosis++)
        {
            foreach (var change in tracker.Compare(Run(DiagnosisOutcome.NoStructure)))
            {
                said.Add(change.Kind == VerdictChangeKind.StillNothing ? change.Unchanged : -1);
            }
        }

        Assert.Equal([-1, 4, 16, 64], said);
    }

    [Fact]
    public void An_unchanged_finding_says_nothing()
    {
        var tracker = new VerdictTracker();
        var finding = (CauseId.FixedOrder, ConfidenceLevel.High, SeverityLevel.Medium);
        tracker.Compare(Run(DiagnosisOutcome.Findings, finding));

        for (int diagnosis = 0; diagnosis < 20; diagnosis++)
        {
            Assert.Empty(tracker.Compare(Run(DiagnosisOutcome.Findings, finding)));
        }
    }

    private static RunDiagnosis Run(DiagnosisOutcome outcome, params (CauseId Cause, ConfidenceLevel Confidence, SeverityLevel Severity)[] findings) => new()
    {
        Source = "runs/a",
        Format = "tensorboard",
        Metric = "train/loss",
        Points = 1000,
        NonFinitePoints = 0,
        Outcome = outcome,
        Verdict = outcome.ToString(),
        Epochs = EpochResolution.Unknown("not known"),

        // A "no structure" answer carries a finding of no cause, as the diagnoser gives it.
        Findings = outcome == DiagnosisOutcome.NoStructure
            ? [Finding(CauseId.None, ConfidenceLevel.Medium, SeverityLevel.None)]
            : [.. findings.Select(f => Finding(f.Cause, f.Confidence, f.Severity))],
    };

    private static Finding Finding(CauseId cause, ConfidenceLevel confidence, SeverityLevel severity) =>
        new(cause, "summary", new Confidence(confidence, 1e-3, "basis"), [], [], new Severity(severity, Impact.Unknown, null, null, null, "statement"), "fix");
}
