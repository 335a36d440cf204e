using EpochLens.Diagnosis;
using EpochLens.Readers;
using EpochLens.Watching;

namespace EpochLens.Core.Tests.Watching;

public sealed class RunWatcherTests : IDisposable
{
    private const int StepsPerEpoch = 400;

    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-watch-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Rediagnoses_at_each_epoch_and_ends_with_the_diagnosis_of_the_finished_log()
    {
        using var run = new GrowingEventFile(Path.Combine(_folder, "events.out.tfevents.1.host"), StepsPerEpoch, runningMean: true);
        var options = new DiagnosisOptions { StepsPerEpoch = StepsPerEpoch };
        var watcher = Watcher(options);
        var problems = new ProblemLog();
        var changes = new List<VerdictChange>();
        var points = new List<int>();
        for (int epoch = 1; epoch <= 8; epoch++)
        {
            run.WriteEpoch(endHalfWritten: true);
            var update = watcher.Poll(problems);
            Assert.True(update.Read);
            points.Add(Assert.Single(update.Diagnoses).Points);
            changes.AddRange(update.Changes);

            // Nothing new: nothing read, no diagnosis.
            Assert.False(watcher.Poll(problems).Diagnosed);
        }

        Assert.Equal(Enumerable.Range(1, 8).Select(e => e * StepsPerEpoch), points);
        Assert.True(problems.Total == 0, string.Join(" | ", problems.Kept));

        // The verdict moves forward: a first verdict, then the running mean found, and it is not lost again.
        Assert.Equal(VerdictChangeKind.First, changes[0].Kind);
        int found = changes.FindIndex(c => c.Diagnosis.Primary?.Cause == CauseId.RunningMeanLogging);
        Assert.True(found >= 0, "the running mean was never found: " + string.Join(" | ", changes.Select(c => c.Kind)));
        Assert.DoesNotContain(changes.Skip(found), c => c.Kind == VerdictChangeKind.FindingGone && c.Before!.Cause == CauseId.RunningMeanLogging);
        Assert.True(changes.Select(c => c.Diagnosis.Points).SequenceEqual(changes.Select(c => c.Diagnosis.Points).Order()));

        var final = watcher.Finish(problems);
        Assert.Empty(final.Diagnoses);
        var expected = new Diagnoser().Diagnose(Assert.Single(DefaultLogReaders.Create().Read(_folder, ReadOptions.Default, new ProblemLog())), options);
        var latest = Assert.Single(watcher.Latest);
        Assert.Equal(expected.Verdict, latest.Verdict);
        Assert.Equal(expected.Points, latest.Points);
        Assert.Equal(expected.Findings.Select(FindingState.Of), latest.Findings.Select(FindingState.Of));
        Assert.Equal(expected.Findings.Select(f => f.Confidence.PValue), latest.Findings.Select(f => f.Confidence.PValue));

        // The record left half-written at the end is reported once watching stops, as analyze reports it.
        Assert.Equal(ProblemKind.Truncated, Assert.Single(problems.Kept).Kind);
    }

    [Fact]
    public void A_quiet_run_says_still_nothing_only_now_and_then()
    {
        using var run = new GrowingEventFile(Path.Combine(_folder, "events.out.tfevents.1.host"), StepsPerEpoch, runningMean: false);
        var watcher = Watcher(new DiagnosisOptions { StepsPerEpoch = StepsPerEpoch });
        var problems = new ProblemLog();
        var kinds = new List<VerdictChangeKind>();
        for (int epoch = 1; epoch <= 20; epoch++)
        {
            run.WriteEpoch();
            var update = watcher.Poll(problems);
            Assert.True(update.Diagnoses.Count == 1, $"epoch {epoch}: " + string.Join(" | ", update.Failures));
            kinds.AddRange(update.Changes.Select(c => c.Kind));
        }

        Assert.Equal(20, watcher.DiagnosisCount);
        Assert.Equal(VerdictChangeKind.First, kinds[0]);
        Assert.All(watcher.Latest, d => Assert.DoesNotContain(d.Findings, f => f.Cause != CauseId.None));
        Assert.InRange(kinds.Count(k => k == VerdictChangeKind.StillNothing), 1, 2);
        Assert.True(kinds.Count < 8, string.Join(", ", kinds));
    }

    [Fact]
    public void Without_a_known_epoch_length_it_waits_for_the_interval_and_some_growth_or_for_the_log_to_double()
    {
        var cadence = new WatchCadence(givenStepsPerEpoch: null, TimeSpan.FromSeconds(10));
        var start = DateTimeOffset.UnixEpoch;
        Assert.True(cadence.Due(100, start));
        cadence.Diagnosed(100, null, changed: true, start);

        Assert.False(cadence.Due(105, start.AddSeconds(60)));
        Assert.False(cadence.Due(150, start.AddSeconds(5)));
        Assert.True(cadence.Due(150, start.AddSeconds(10)));

        // An unchanged verdict doubles the wait; a log that has doubled is due at once.
        cadence.Diagnosed(150, null, changed: false, start.AddSeconds(10));
        Assert.False(cadence.Due(250, start.AddSeconds(25)));
        Assert.True(cadence.Due(250, start.AddSeconds(30)));
        Assert.True(cadence.Due(300, start.AddSeconds(11)));
    }

    [Fact]
    public void With_a_known_epoch_length_a_completed_epoch_triggers_a_diagnosis()
    {
        var cadence = new WatchCadence(givenStepsPerEpoch: 100, TimeSpan.FromHours(1));
        var now = DateTimeOffset.UnixEpoch;
        cadence.Diagnosed(99, null, changed: true, now);

        Assert.False(cadence.Due(150, now));
        Assert.False(cadence.Due(198, now));
        Assert.True(cadence.Due(199, now));
    }

    private RunWatcher Watcher(DiagnosisOptions options) =>
        new(new PathFollower(_folder, ReadOptions.Default, DefaultLogReaders.Create()), new Diagnoser(), options, TimeSpan.FromHours(1));
}
