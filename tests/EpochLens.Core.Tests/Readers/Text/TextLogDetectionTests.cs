using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Text;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>How printed logs are found: anywhere in a text file, as the fallback of the other readers, and refused only when nothing matches.</summary>
public sealed class TextLogDetectionTests : IDisposable
{
    private readonly TextLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private static string Training(int epochs = 2) =>
        TextLogs.Lines(Enumerable.Range(1, epochs), [10, 20, 30], (e, p) => $"epoch {e} step {p}/30 loss={TextLogs.Loss(e, p)}");

    private static string PipOutput(int bytes)
    {
        var text = new StringBuilder();
        for (int i = 0; text.Length < bytes; i++)
        {
            text.Append($"Requirement already satisfied: package{i} in /usr/lib/python3/dist-packages (from torch>=1.{i % 13}) (2.{i % 7}.0)\n");
        }

        return text.ToString();
    }

    [Fact]
    public void A_log_after_more_than_4_KiB_of_pip_output_is_found_and_read()
    {
        var path = _logs.Write("ci-output.txt", PipOutput(20_000) + Training());

        var log = Assert.Single(_logs.Detect(path));

        Assert.Equal("text", log.Format);
        Assert.Equal(6, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(30, log.Epochs!.StepsPerEpoch);
    }

    [Fact]
    public void A_log_pasted_in_markdown_prose_is_read()
    {
        var prose = string.Concat(Enumerable.Repeat("This run used a cosine schedule and the loss went down steadily, as the numbers below show.\n\n", 60));
        var path = _logs.Write("README.md", "# My model\n\n" + prose + "```\n" + Training(3) + "```\n\nThe validation loss was fine.\n");

        var log = Assert.Single(_logs.Detect(path));

        Assert.Equal("text", log.Format);
        Assert.Equal(9, log.Find(SeriesRole.TrainLoss)!.Count);
    }

    [Fact]
    public void An_mmengine_log_after_a_long_config_dump_is_still_read_by_the_mmengine_reader()
    {
        var config = new StringBuilder("2023/05/01 12:00:00 - mmengine - INFO - Config:\n");
        for (int i = 0; config.Length < 10_000; i++)
        {
            config.Append($"model = dict(type='FasterRCNN', backbone_{i}=dict(depth=50, num_stages=4))\n");
        }

        for (int p = 50; p <= 200; p += 50)
        {
            config.Append($"2023/05/01 12:00:23 - mmengine - INFO - Epoch(train)  [1][{p,3}/200]  lr: 2.0000e-02  eta: 0:17:53  time: 0.4567  data_time: 0.0123  memory: 3210  loss: 1.{p}  loss_cls: 0.5000\n");
        }

        var path = _logs.Write("20230501_120000.log", config.ToString());

        var log = Assert.Single(_logs.Detect(path));

        Assert.Equal("mmengine", log.Format);
        Assert.Equal(4, log.Find(SeriesRole.TrainLoss)!.Count);
    }

    [Fact]
    public void Text_that_is_no_training_log_is_refused_with_what_was_looked_for()
    {
        var path = _logs.Write("notes.txt", PipOutput(9_000) + "We trained for 3 epochs; the loss was fine.\n");

        var error = Assert.Throws<LogReadException>(() => _logs.Detect(path));

        Assert.Contains("not a training log", error.Problem, StringComparison.Ordinal);
        Assert.Contains("epoch number or a step counter and a loss", error.Problem, StringComparison.Ordinal);
        Assert.Contains("looked through the first", error.Problem, StringComparison.Ordinal);
        var direct = Assert.Throws<LogReadException>(() => _logs.Read(path));
        Assert.Contains("looked for lines with an epoch number or a step counter and a loss", direct.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Iteration_logs_without_epochs_are_read_with_the_counter_as_the_step()
    {
        // detectron2 and nanoGPT print an iteration counter and never an epoch.
        var path = _logs.Write("log.txt", "number of parameters: 10.65M\n" + string.Concat(Enumerable.Range(0, 40).Select(i =>
            $"[11/25 14:00:{i % 60:00} d2.utils.events]:  eta: 0:12:31  iter: {(i * 20) + 19}  total_loss: {TextLogs.Loss(0, i)}  loss_cls: 0.3  lr: 0.00049  max_mem: 2751M\n")));

        var log = Assert.Single(_logs.Detect(path));

        Assert.Equal("text", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("total_loss", loss.Name);
        Assert.Equal([19L, 39, 59], loss.Steps[..3].ToArray());
        Assert.Null(log.Epochs);
        Assert.Null(log.Find(SeriesRole.Epoch));
        Assert.Contains("no epoch", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void Step_lines_before_the_first_epoch_are_left_out_when_the_log_prints_epochs()
    {
        var path = _logs.Write("train.log", "step 1 loss 0.9\nstep 2 loss 0.8\n"
            + TextLogs.Lines([1, 2], [1, 2, 3], (e, p) => $"epoch {e} step {p}/3 loss {TextLogs.Loss(e, p)}"));

        var loss = _logs.ReadOne(path).Find(SeriesRole.TrainLoss)!;

        Assert.Equal(6, loss.Count);
        Assert.Equal(TextLogs.Value(1, 1), loss.Values[0]);
        Assert.Contains("before any epoch", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void One_line_in_prose_is_not_taken_for_a_log_but_two_are()
    {
        Assert.False(TextLogReader.Default.Recognises("a.md", "At epoch 3 the loss was 0.5, which surprised us.\n"u8));
        Assert.True(TextLogReader.Default.Recognises("a.md", "epoch 3 loss 0.5\nepoch 4 loss 0.4\n"u8));
        Assert.False(TextLogReader.Default.Recognises("a.bin", "epoch 3 loss 0.5\0\nepoch 4 loss 0.4\n"u8));
    }

    [Fact]
    public void A_folder_reads_the_printed_log_and_passes_over_other_text()
    {
        _logs.Write("train.log", Training());
        var notes = _logs.Write("notes.md", "Nothing to see here.\n");

        var logs = _logs.Detect(Path.GetDirectoryName(notes)!);

        Assert.Equal("text", Assert.Single(logs).Format);
        Assert.Equal(0, _logs.Problems.Total);
    }

    [Fact]
    public void Format_text_can_be_forced()
    {
        var path = _logs.Write("run.csv.txt", Training());

        var log = Assert.Single(_logs.Detect(path, new ReadOptions { Format = "text" }));

        Assert.Equal(6, log.Find(SeriesRole.TrainLoss)!.Count);
    }
}
