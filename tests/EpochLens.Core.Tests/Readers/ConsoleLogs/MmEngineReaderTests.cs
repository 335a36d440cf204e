using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Core.Tests.Readers.ConsoleLogs;

/// <summary>The OpenMMLab reader on fixtures written as mmengine and mmcv 1.x log them (see Fixtures/console-mmengine/make_fixtures.py).</summary>
public sealed class MmEngineReaderTests
{
    private static (TrainingLog Log, ProblemLog Problems) ReadOne(string fixture, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        var logs = ConsoleFixtures.Read(MmEngineReader.Default, ConsoleFixtures.MmEnginePath(fixture), problems, options);
        return (Assert.Single(logs), problems);
    }

    [Theory]
    [MemberData(nameof(MmFixtures))]
    public void Recognises_every_openmmlab_fixture_and_no_keras_one(string fixture)
    {
        Assert.True(ConsoleFixtures.Recognises(MmEngineReader.Default, ConsoleFixtures.MmEnginePath(fixture)));
        Assert.False(ConsoleFixtures.Recognises(KerasReader.Default, ConsoleFixtures.MmEnginePath(fixture)));
    }

    public static TheoryData<string> MmFixtures() => [.. ConsoleFixtures.MmEngine];

    [Fact]
    public void Mmengine_epoch_log_gives_global_steps_epoch_length_and_window_averaging()
    {
        var (log, problems) = ReadOne("mmengine_epoch.log");
        Assert.Equal("mmengine", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(Enumerable.Range(1, 12).Select(i => 50L * i), loss.Steps.ToArray());
        Assert.Equal(1.3333, loss.Values[0]);
        Assert.Equal(AveragingKind.MovingWindow, loss.Averaging.Kind);
        Assert.Equal(50, loss.Averaging.Window);
        Assert.Contains("window_size", loss.Averaging.Evidence!, StringComparison.Ordinal);

        foreach (var name in new[] { "loss_rpn_cls", "loss_rpn_bbox", "loss_cls", "loss_bbox" })
        {
            Assert.Equal(12, log.Find(name)!.Count);
        }

        Assert.Equal(SeriesRole.LearningRate, log.Find("lr")!.Role);
        Assert.Equal(0.002, log.Find("lr")!.Values[0]);
        Assert.Equal(SeriesRole.Other, log.Find("base_lr")!.Role);
        Assert.Equal(SeriesRole.GradNorm, log.Find("grad_norm")!.Role);
        Assert.Equal(AveragingKind.PerStep, log.Find("acc")!.Averaging.Kind);
        Assert.Null(log.Find("time"));
        Assert.Null(log.Find("memory"));

        var map = log.Find("coco/bbox_mAP")!;
        Assert.Equal([200L, 400, 600], map.Steps.ToArray());
        Assert.Equal([0.1, 0.2, 0.3], map.Values.ToArray());

        Assert.Equal(200, log.Epochs!.StepsPerEpoch);
        Assert.Equal([1L, 201, 401], log.Epochs.EpochStartSteps!);
        Assert.Contains("Epoch(train)", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal([1.0, 1, 1, 1, 2], log.Find(SeriesRole.Epoch)!.Values[..5].ToArray());
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Wall_times_come_from_the_log_prefix_when_asked_for()
    {
        var (log, _) = ReadOne("mmengine_epoch.log", new ReadOptions { KeepWallTimes = true, Metric = "loss" });
        var loss = Assert.Single(log.Series);
        Assert.True(loss.HasWallTimes);
        Assert.Equal(new DateTimeOffset(2023, 5, 1, 12, 0, 23, TimeSpan.Zero).ToUnixTimeSeconds(), loss.WallTimes[0]);
        Assert.Equal(23, loss.WallTimes[1] - loss.WallTimes[0]);
    }

    [Fact]
    public void Mmengine_iteration_log_steps_are_iterations_with_no_epoch_hint()
    {
        var (log, problems) = ReadOne("mmengine_iter.log");
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(20, loss.Count);
        Assert.Equal(1000, loss.Steps[^1]);
        Assert.Null(log.Epochs);
        Assert.Equal(50, loss.Averaging.Window);
        Assert.Equal([500L, 1000], log.Find("mIoU")!.Steps.ToArray());
        Assert.Equal(20, log.Find("decode.loss_ce")!.Count);
        Assert.Equal(AveragingKind.PerStep, log.Find("decode.acc_seg")!.Averaging.Kind);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Mmdet2_log_is_read_with_comma_separated_values_and_text_metrics_ignored()
    {
        var (log, problems) = ReadOne("mmdet2_epoch.log");
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(Enumerable.Range(1, 8).Select(i => 50L * i), loss.Steps.ToArray());
        Assert.Equal(1.3333, loss.Values[0]);
        Assert.Equal(50, loss.Averaging.Window);
        Assert.Contains("mmcv", loss.Averaging.Evidence!, StringComparison.Ordinal);
        Assert.Equal(AveragingKind.MovingWindow, log.Find("acc")!.Averaging.Kind);
        Assert.Equal(SeriesRole.LearningRate, log.Find("lr")!.Role);
        Assert.Equal([200L, 400], log.Find("bbox_mAP")!.Steps.ToArray());
        Assert.Null(log.Find("bbox_mAP_copypaste"));
        Assert.Equal(200, log.Epochs!.StepsPerEpoch);
        Assert.StartsWith("mmcv", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Held_out_loss_from_validation_lines_is_named_apart_from_the_training_loss()
    {
        using var folder = new TempFolder();
        var path = folder.Write("val.log",
            "2021-01-01 00:00:00,000 - mmdet - INFO - Epoch [1][50/100]\tlr: 1.000e-02, loss: 1.0000\n" +
            "2021-01-01 00:00:01,000 - mmdet - INFO - Epoch [1][100/100]\tlr: 1.000e-02, loss: 0.9000\n" +
            "2021-01-01 00:00:02,000 - mmdet - INFO - Epoch(val) [1][20]\tloss_cls: 0.4000, loss: 0.8000\n");
        var log = Assert.Single(ConsoleFixtures.Read(MmEngineReader.Default, path, new ProblemLog()));
        Assert.Equal([50L, 100], log.Find("loss")!.Steps.ToArray());
        var held = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("val/loss", held.Name);
        Assert.Equal([100L], held.Steps.ToArray());
        Assert.Equal(0.8, held.Values[0]);
    }

    [Theory]
    [InlineData("Epoch(train) finished\n")]
    [InlineData("notes\nIter(train) done, see above\n")]
    public void A_line_that_opens_like_a_training_line_but_has_no_counters_is_not_recognised(string text)
    {
        // Detection tries every reader on every text file: such a line once stopped it with an out-of-range error.
        Assert.False(MmEngineReader.Default.Recognises("notes.txt", System.Text.Encoding.UTF8.GetBytes(text)));
    }
}
