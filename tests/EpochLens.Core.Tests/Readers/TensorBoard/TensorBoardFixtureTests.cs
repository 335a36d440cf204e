using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Readers.TensorBoard;

/// <summary>Agreement with TensorBoard's own reading of the fixtures PyTorch's SummaryWriter wrote.</summary>
public class TensorBoardFixtureTests
{
    [Theory]
    [InlineData("tb-summarywriter")]
    [InlineData("tb-newstyle")]
    [InlineData("tb-resumed")]
    public void Reads_every_scalar_exactly_as_TensorBoard_does(string fixture)
    {
        var log = TbFixtures.ReadOne(TbFixtures.Run(fixture));
        var expected = TbFixtures.Expected(fixture);

        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), log.Series.Select(s => s.Name).Order(StringComparer.Ordinal));
        foreach (var (tag, points) in expected)
        {
            var series = log.Find(tag)!;
            Assert.Equal(points.Select(p => p.Step), series.Steps.ToArray());
            // The values are float32 (simple_value or DT_FLOAT), widened to double by both sides: exact.
            Assert.Equal(points.Select(p => (float)p.Value), series.Values.ToArray().Select(v => (float)v));
            Assert.Equal(points.Select(p => p.Value), series.Values.ToArray());
        }
    }

    [Fact]
    public void Resumed_run_drops_the_first_files_steps_from_the_purge_step_and_says_so()
    {
        var problems = new ProblemLog();
        var loss = TbFixtures.ReadOne(TbFixtures.Run("tb-resumed"), problems: problems).Find("train/loss")!;

        Assert.Equal(2600, loss.Count);
        var purge = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.StepsWentBack);
        Assert.Contains("step 1500", purge.Message, StringComparison.Ordinal);
        Assert.Contains("500 earlier point(s)", purge.Message, StringComparison.Ordinal);
        Assert.Contains("record 2 at byte", purge.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void SummaryWriter_folder_read_through_the_facade_gives_the_root_run_and_the_two_add_scalars_runs()
    {
        // add_scalars("pair", {"a": 1, "b": 2}) writes one 128-byte event file per key in <logdir>/pair_a and
        // pair_b: file_version, then tag "pair" at step 0 with 1.0 and 2.0. TensorBoard shows them as runs
        // "pair_a" and "pair_b", each with a "pair" scalar.
        var folder = TbFixtures.Folder("tb-summarywriter");
        var logs = new LogReader([TensorBoardReader.Default]).Read(folder, ReadOptions.Default, new ProblemLog());

        Assert.Equal(3, logs.Count);
        Assert.Equal(["train/loss", "train/lr", "val/loss"], logs[0].Series.Select(s => s.Name));
        Assert.All(logs, l => Assert.Equal("tensorboard", l.Format));
        // A run is named by its folder, also when it has a single event file.
        Assert.Equal(folder, logs[0].Source);
        Assert.Equal(Path.Combine(folder, "pair_a"), logs[1].Source);
        Assert.Equal(Path.Combine(folder, "pair_b"), logs[2].Source);
        foreach (var (log, value) in new[] { (logs[1], 1.0), (logs[2], 2.0) })
        {
            var pair = Assert.Single(log.Series);
            Assert.Equal("pair", pair.Name);
            Assert.Equal([0L], pair.Steps.ToArray());
            Assert.Equal([value], pair.Values.ToArray());
        }
    }

    [Fact]
    public void Text_and_histogram_summaries_are_skipped_and_roles_come_from_tag_names()
    {
        var log = TbFixtures.ReadOne(TbFixtures.Run("tb-summarywriter"));

        Assert.Equal(SeriesRole.TrainLoss, log.Find("train/loss")!.Role);
        Assert.Equal(SeriesRole.HeldOutLoss, log.Find("val/loss")!.Role);
        Assert.Equal(SeriesRole.LearningRate, log.Find("train/lr")!.Role);
        Assert.Same(log.Find("train/loss"), log.Find(SeriesRole.TrainLoss));
        Assert.Null(log.Epochs);
    }

    [Fact]
    public void Wall_times_are_kept_only_when_asked()
    {
        var without = TbFixtures.ReadOne(TbFixtures.Run("tb-newstyle")).Find("train/loss")!;
        var with = TbFixtures.ReadOne(TbFixtures.Run("tb-newstyle"), ReadOptions.Default with { KeepWallTimes = true }).Find("train/loss")!;

        Assert.False(without.HasWallTimes);
        Assert.True(with.HasWallTimes);
        Assert.All(with.WallTimes.ToArray(), t => Assert.InRange(t, 1.7e9, 2.0e9));
        Assert.Equal(with.WallTimes.ToArray().Order(), with.WallTimes.ToArray());
    }

    [Fact]
    public void Metric_option_reads_only_that_tag()
    {
        var log = TbFixtures.ReadOne(TbFixtures.Run("tb-summarywriter"), ReadOptions.Default with { Metric = "val/loss" });

        var only = Assert.Single(log.Series);
        Assert.Equal("val/loss", only.Name);
        Assert.Equal(6, only.Count);
    }

    [Fact]
    public void Metric_that_no_tag_has_gives_no_series_and_names_the_tags_there()
    {
        var problems = new ProblemLog();
        var log = TbFixtures.ReadOne(TbFixtures.Run("tb-newstyle"), ReadOptions.Default with { Metric = "nope" }, problems);

        Assert.Empty(log.Series);
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Skipped && p.Message.Contains("train/loss", StringComparison.Ordinal));
    }

    [Fact]
    public void Recognises_event_files_by_name_and_by_their_first_record()
    {
        var file = TbFixtures.Run("tb-newstyle").Files[0];
        var head = FileHead.Read(file);

        Assert.True(TensorBoardReader.Default.Recognises(file, head));
        Assert.True(TensorBoardReader.Default.Recognises("/logs/renamed.bin", head));
        Assert.True(TensorBoardReader.Default.Recognises("/logs/events.out.tfevents.1.host", []));
        Assert.False(TensorBoardReader.Default.Recognises("/logs/metrics.csv", "step,loss\n0,1.5\n"u8));
        Assert.False(TensorBoardReader.Default.Recognises("/logs/renamed.bin", head.AsSpan(0, 40)));
    }

    [Fact]
    public void Group_key_is_the_folder_so_each_folder_is_one_run()
    {
        var file = Path.Combine("runs", "exp1", "events.out.tfevents.1.host");
        Assert.Equal(Path.Combine("runs", "exp1"), TensorBoardReader.Default.GroupKey(file));
    }
}
