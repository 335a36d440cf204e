using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>Real printed logs from public repositories, kept byte for byte (Fixtures/text-logs/SOURCES.md).</summary>
public sealed class TextLogFixtureTests : IDisposable
{
    private readonly TextLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    [Fact]
    public void Mnist_logs_in_markdown_are_split_into_runs_where_the_epoch_goes_back()
    {
        var logs = _logs.Detect(TextLogs.Fixture("pdll-mnistresult.md"));

        Assert.Equal(2, logs.Count);
        Assert.All(logs, l => Assert.Equal("text", l.Format));
        var first = logs[0].Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Loss", first.Name);
        Assert.Equal(6, first.Count);
        Assert.Equal(0.037137, first.Values[0]);
        Assert.Equal(0.198419, first.Values[^1]);

        // 320 samples between printed lines and no batch size: a step is one printed line, ceil(60000 / 320) = 188 to an epoch.
        Assert.Equal(188, logs[0].Epochs!.StepsPerEpoch);
        Assert.Equal((58240 / 320) + 1, first.Steps[0]);
        var second = logs[1].Find(SeriesRole.TrainLoss)!;
        Assert.Equal(7 + 8 + 7, second.Count);
        Assert.Equal(0.006338, second.Values[0]);
        Assert.Equal(0.006728, second.Values[^1]);
        Assert.Equal((2 * 188) + (59840 / 320) + 1, second.Steps[^1]);
        Assert.Equal([1L, 189, 377], logs[1].Epochs!.EpochStartSteps!);
    }

    [Fact]
    public void A_closing_line_whose_counter_has_another_total_is_not_read_as_a_resumed_run()
    {
        var log = Assert.Single(_logs.Detect(TextLogs.Fixture("pytorch_common_voice-README.md")));

        // 14 lines an epoch every 640 samples of 9024 (a step is one printed line, ceil(9024 / 640) = 15 to an epoch);
        // each epoch's "[5600/5640 (99%)]" would have gone back to step 9 and dropped the epoch's last five lines.
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(20 * 14, loss.Count);
        Assert.Equal(15, log.Epochs!.StepsPerEpoch);
        Assert.Equal([0.769631, 15.132956], loss.Values[..2].ToArray());
        Assert.Equal(16, loss.Steps[14]);
        Assert.Equal(0.581569, loss.Values[13]);
        Assert.Empty(_logs.Messages(ProblemKind.StepsWentBack));
        Assert.Contains("20 training line(s) whose counter has another total ('5600/5640' among '/9024')", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void Three_resnet_runs_with_epoch_headers_and_test_lines_are_three_logs_with_held_out_loss()
    {
        var logs = _logs.Detect(TextLogs.Fixture("resnet-log-resnet_18-vs-34-vs-50.md"));

        Assert.Equal(3, logs.Count);
        foreach (var log in logs)
        {
            var train = log.Find(SeriesRole.TrainLoss)!;
            Assert.Equal("train Loss", train.Name);
            Assert.Equal(100, train.Count);
            Assert.Equal(Enumerable.Range(1, 100).Select(i => (long)i), train.Steps.ToArray());
            var test = log.Find(SeriesRole.HeldOutLoss)!;
            Assert.Equal("test Loss", test.Name);
            Assert.Equal(100, test.Count);
            Assert.Equal(1, log.Epochs!.StepsPerEpoch);
        }

        Assert.Equal(0.2335, logs[2].Find(SeriesRole.TrainLoss)!.Values[^1]);

        // "Top-1 Acc: 91.8459 Top-5 Acc: 99.4799": the second "Acc" of the line is its own series.
        Assert.Equal(91.8459, logs[2].Find("Acc")!.Values[^1]);
        Assert.Equal(99.4799, logs[2].Find("Acc #2")!.Values[^1]);
        Assert.Equal(89.8614, logs[2].Find("test/Acc")!.Values[^1]);
        Assert.Equal(99.1367, logs[2].Find("test/Acc #2")!.Values[^1]);
        Assert.Equal(0.2884, logs[2].Find(SeriesRole.HeldOutLoss)!.Values[^1]);
        Assert.Equal(0, _logs.Problems.Count(ProblemKind.BadValue) + _logs.Problems.Count(ProblemKind.Malformed));
    }

    [Fact]
    public void Deeplearning4j_score_lines_are_the_loss_at_the_iteration_they_name()
    {
        var log = Assert.Single(_logs.Detect(TextLogs.Fixture("ai-cnn-testdemoforjava-README.md")));

        // "Score at iteration 4680 is 0.279...": the score (DL4J's loss) at that iteration; the five "Epoch 1, Loss:" lines
        // above them are another program's and are left out, with a note.
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Score", loss.Name);
        Assert.Equal(16, loss.Count);
        Assert.Equal(2.3097667694091797, loss.Values[0]);
        Assert.Equal(0.2791060507297516, loss.Values[^1]);
        Assert.Equal(loss.Steps[0] + 4680, loss.Steps[^1]);
        Assert.Equal(loss.Steps[0] + 4630, loss.Steps[10]);
        Assert.Contains("'Epoch 1, Loss: 0.111944'", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void An_epoch_length_stated_in_words_gives_the_epochs_of_step_lines_without_one()
    {
        var log = Assert.Single(_logs.Detect(TextLogs.Fixture("shakespearegpt-forge-log.md")));

        // "1 epoch = 10 batches" is the length of every epoch, not a header saying the lines under it are epoch 10.
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(26, loss.Count);
        Assert.Equal(1, loss.Steps[0]);
        Assert.Equal(251, loss.Steps[^1]);
        Assert.Equal(10, log.Epochs!.StepsPerEpoch);
        Assert.Null(log.Epochs.EpochStartSteps);
        Assert.Null(log.Find(SeriesRole.Epoch));
        Assert.Contains("'1 epoch = 10 batches'", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }
}
