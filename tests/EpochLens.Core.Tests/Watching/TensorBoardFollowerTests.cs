using EpochLens.Core.Tests.Readers.TensorBoard;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;
using EpochLens.Watching;

namespace EpochLens.Core.Tests.Watching;

public sealed class TensorBoardFollowerTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-follow-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Reads_only_the_bytes_appended_since_the_last_poll()
    {
        var file = Path.Combine(_folder, "events.out.tfevents.1.host");
        using var run = new GrowingEventFile(file, stepsPerEpoch: 200, runningMean: false);
        run.WriteEpoch();
        var follower = new PathFollower(_folder, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();

        Assert.True(follower.Poll(problems));
        Assert.Equal(199, follower.LastStep);
        Assert.Equal(run.Length, follower.BytesRead);

        long before = run.Length;
        run.WriteEpoch();
        Assert.True(follower.Poll(problems));
        Assert.Equal(399, follower.LastStep);
        Assert.Equal(run.Length, follower.BytesRead);
        Assert.Equal(run.Length - before, follower.BytesRead - before);

        Assert.False(follower.Poll(problems));
        Assert.Equal(run.Length, follower.BytesRead);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void A_half_written_record_is_waited_for_and_read_once_complete()
    {
        var file = Path.Combine(_folder, "events.out.tfevents.1.host");
        using var run = new GrowingEventFile(file, stepsPerEpoch: 100, runningMean: false);
        run.WriteEpoch(endHalfWritten: true);
        var follower = new PathFollower(_folder, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();

        follower.Poll(problems);
        Assert.Equal(99, follower.LastStep);
        Assert.Equal(0, problems.Total);
        Assert.False(follower.Poll(problems));

        run.WriteEpoch();
        Assert.True(follower.Poll(problems));
        Assert.Equal(199, follower.LastStep);
        Assert.Equal(0, problems.Total);
        var series = Assert.Single(Assert.Single(follower.Snapshot(problems)).Series);
        Assert.Equal(200, series.Count);
    }

    [Fact]
    public void A_record_never_finished_is_reported_when_watching_stops()
    {
        var file = Path.Combine(_folder, "events.out.tfevents.1.host");
        using var run = new GrowingEventFile(file, stepsPerEpoch: 50, runningMean: false);
        run.WriteEpoch(endHalfWritten: true);
        var follower = new PathFollower(file, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();
        follower.Poll(problems);

        follower.ReportPartialTails(problems);

        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Truncated, problem.Kind);
        Assert.Equal($"record 51 at byte {run.HalfRecordOffset}", problem.Location);
    }

    [Fact]
    public void Event_files_of_a_resumed_run_join_it_and_the_snapshot_equals_a_full_read()
    {
        var first = Path.Combine(_folder, "events.out.tfevents.1000.host");
        using (var run = new GrowingEventFile(first, stepsPerEpoch: 300, runningMean: true))
        {
            run.WriteEpoch();
            run.WriteEpoch();
        }

        var follower = new PathFollower(_folder, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();
        follower.Poll(problems);
        Assert.Equal(599, follower.LastStep);

        // The run restarts from its checkpoint at step 450: SummaryWriter(purge_step=450) in a new file.
        using (var resumed = new EventFileWriter(Path.Combine(_folder, "events.out.tfevents.2000.host")))
        {
            resumed.WriteFileVersion();
            resumed.WriteSessionStart(450);
            for (long step = 450; step < 900; step++)
            {
                resumed.WriteScalar("train/loss", step, 1f / (step + 1));
            }
        }

        Assert.True(follower.Poll(problems));
        Assert.Equal(899, follower.LastStep);
        var followed = Assert.Single(follower.Snapshot(problems)).Series.Single();
        var read = Assert.Single(TensorBoardReader.Default.Read(
            new LogSource(_folder, Directory.GetFiles(_folder).Order(StringComparer.Ordinal).ToList()), ReadOptions.Default, new ProblemLog())).Series.Single();
        Assert.Equal(read.Steps.ToArray(), followed.Steps.ToArray());
        Assert.Equal(read.Values.ToArray(), followed.Values.ToArray());
    }

    [Fact]
    public void Damage_in_the_middle_is_reported_once_and_the_records_after_it_are_read()
    {
        var file = Path.Combine(_folder, "events.out.tfevents.1.host");
        using var run = new GrowingEventFile(file, stepsPerEpoch: 100, runningMean: false);
        run.WriteEpoch();
        var follower = new PathFollower(file, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();
        follower.Poll(problems);

        // A stretch of zeros (a disk hiccup) between two epochs: its length checksum fails.
        run.WriteDamage(40);

        run.WriteEpoch();
        follower.Poll(problems);
        follower.Poll(problems);

        Assert.Equal(199, follower.LastStep);
        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.BadChecksum, problem.Kind);
        Assert.Contains("40 byte(s) skipped", problem.Message, StringComparison.Ordinal);
        Assert.Equal(200, follower.Snapshot(new ProblemLog()).Single().Series.Single().Count);
    }

    [Fact]
    public void A_snapshot_leaves_the_run_readable_on()
    {
        var file = Path.Combine(_folder, "events.out.tfevents.1.host");
        using var run = new GrowingEventFile(file, stepsPerEpoch: 100, runningMean: false);
        run.WriteEpoch();
        var follower = new PathFollower(file, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();
        follower.Poll(problems);
        Assert.Equal(100, follower.Snapshot(problems).Single().Series.Single().Count);

        run.WriteEpoch();
        follower.Poll(problems);

        Assert.Equal(200, follower.Snapshot(problems).Single().Series.Single().Count);
    }

    [Fact]
    public void Nothing_is_followed_before_a_log_appears()
    {
        var missing = Path.Combine(_folder, "not-yet");
        var follower = new PathFollower(missing, ReadOptions.Default, DefaultLogReaders.Create());
        var problems = new ProblemLog();
        Assert.False(follower.Poll(problems));
        Assert.Null(follower.LastStep);
        Assert.Empty(follower.Snapshot(problems));

        Directory.CreateDirectory(missing);
        using var run = new GrowingEventFile(Path.Combine(missing, "events.out.tfevents.1.host"), stepsPerEpoch: 10, runningMean: false);
        run.WriteEpoch();

        Assert.True(follower.Poll(problems));
        Assert.Equal(9, follower.LastStep);
    }
}
