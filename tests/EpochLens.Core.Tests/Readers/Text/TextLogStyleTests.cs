using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>Each printed style the text reader reads, on small logs written here: the series, steps, epoch length and held-out series read.</summary>
public sealed class TextLogStyleTests : IDisposable
{
    private static readonly int[] BarCounts = [0, 250, 500, 750, 1000];

    private readonly TextLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private static long[] Steps(MetricSeries series) => series.Steps.ToArray();

    [Fact]
    public void Bracketed_epoch_and_step_counters_give_global_steps_the_epoch_length_and_a_held_out_series()
    {
        var text = new StringBuilder();
        for (int e = 1; e <= 3; e++)
        {
            foreach (int p in new[] { 50, 100, 150, 200, 250 })
            {
                text.Append(CultureInfo.InvariantCulture, $"[epoch {e}/3] step {p}/250 loss={TextLogs.Loss(e, p)} lr=3.0e-4\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"[epoch {e}/3] val loss=0.{e}000 acc=0.8\n");
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        Assert.Equal("text", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(new long[] { 50, 100, 150, 200, 250, 300, 350, 400, 450, 500, 550, 600, 650, 700, 750 }, Steps(loss));
        Assert.Equal(TextLogs.Value(2, 100), loss.Values[6]);
        Assert.Equal(250, log.Epochs!.StepsPerEpoch);
        Assert.Equal(new long[] { 1, 251, 501 }, log.Epochs.EpochStartSteps!);
        Assert.Equal(SeriesRole.LearningRate, log.Find("lr")!.Role);
        Assert.Equal(3e-4, log.Find("lr")!.Values[0]);
        var held = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("val loss", held.Name);
        Assert.Equal(new long[] { 250, 500, 750 }, Steps(held));
        Assert.Equal([0.1, 0.2, 0.3], held.Values.ToArray());
        Assert.Equal(new[] { 1.0, 1, 1, 1, 1, 2 }, log.Find(SeriesRole.Epoch)!.Values[..6].ToArray());
        Assert.Equal(0, _logs.Problems.Total);
    }

    [Fact]
    public void A_counter_printed_once_per_epoch_at_the_same_position_restarts_every_epoch()
    {
        // One line per epoch, always at [300/320]: the counter does not run on across epochs, so every line is its
        // own point (a global-step reading put all 60 at step 300 and kept one).
        var path = _logs.Write("train.log", "2018-01-24 23:54:40,918 INFO    : Using GPU\n" + string.Concat(Enumerable.Range(0, 60).Select(e =>
            $"2018-01-24 23:55:23,455 INFO    : Epoch: [{e}][300/320]\t Loss [ {TextLogs.Loss(e, 3)}] Avg Loss [ 0.6879074] Accuracy 0.587\n")));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(60, loss.Count);
        Assert.Equal([300L, 620, 940], Steps(loss)[..3]);
        Assert.Equal(TextLogs.Value(2, 3), loss.Values[2]);
        Assert.Equal(320, log.Epochs!.StepsPerEpoch);
        Assert.DoesNotContain("replaced", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void Timm_train_lines_give_the_epoch_after_the_phase_word()
    {
        var text = new StringBuilder();
        for (int e = 0; e < 3; e++)
        {
            foreach (int p in new[] { 0, 50, 100, 150, 199 })
            {
                text.Append(CultureInfo.InvariantCulture, $"Train: {e} [{p,4}/200 ({p / 2,3}%)]  Loss: {TextLogs.Loss(e, p)} (6.780)  Time: 0.457s,  560.35/s  LR: 1.000e-03  Data: 0.010 (0.045)\n");
            }

            text.Append("Test: [   0/48]  Time: 1.329 (1.329)  Loss:  0.7993 (0.7993)  Acc@1: 82.8125 (82.8125)\n");
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Loss", loss.Name);
        Assert.Equal([1L, 51, 101, 151, 200, 201], Steps(loss)[..6]);
        Assert.Equal(TextLogs.Value(1, 50), loss.Values[6]);
        Assert.Equal(200, log.Epochs!.StepsPerEpoch);
        Assert.Equal(SeriesRole.LearningRate, log.Find("LR")!.Role);
    }

    [Fact]
    public void Fairseq_inner_lines_give_steps_from_the_spaced_counter_and_leave_the_epoch_summaries_out()
    {
        var text = new StringBuilder();
        for (int e = 1; e <= 3; e++)
        {
            foreach (int u in new[] { 100, 200, 300, 400 })
            {
                text.Append(CultureInfo.InvariantCulture, $"2021-01-01 00:00:00 | INFO | train_inner | epoch {e:000}:    {u} / 400 loss={TextLogs.Loss(e, u)}, nll_loss=6.2, ppl=75.1, num_updates={((e - 1) * 400) + u}, lr=0.0005\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"2021-01-01 00:00:00 | INFO | valid | epoch {e:000} | valid on 'valid' subset | loss 5.9 | nll_loss 4.1 | ppl 17.2 | num_updates {e * 400}\n");
            text.Append(CultureInfo.InvariantCulture, $"2021-01-01 00:00:00 | INFO | train | epoch {e:000} | loss 9.99 | nll_loss 6.1 | ppl 70 | num_updates {e * 400} | lr 0.0005\n");
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal([100L, 200, 300, 400, 500], Steps(loss)[..5]);
        Assert.DoesNotContain(9.99, loss.Values.ToArray());
        Assert.Equal(400, log.Epochs!.StepsPerEpoch);
        Assert.Equal([400L, 800, 1200], Steps(log.Find(SeriesRole.HeldOutLoss)!));
    }

    [Fact]
    public void A_phase_word_that_labels_a_counter_still_makes_the_line_held_out()
    {
        var text = new StringBuilder();
        for (int e = 0; e < 3; e++)
        {
            for (int p = 0; p < 250; p += 50)
            {
                text.Append(CultureInfo.InvariantCulture, $"Epoch: [{e}][{p}/250]\tTime 1.151 (1.175)\tLoss {TextLogs.Loss(e, p)} (5.2454)\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"Test: [0/242]\tTime 0.604 (0.604)\tLoss 3.{e}332 (3.5{e}32)\n");
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        Assert.Equal(15, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal([3.0332, 3.1332, 3.2332], log.Find("Test/Loss")!.Values.ToArray());
        var held = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("Test/Loss (avg)", held.Name);
        Assert.Equal([3.5032, 3.5132, 3.5232], held.Values.ToArray());
    }

    [Fact]
    public void An_evaluation_printed_batch_by_batch_gives_its_running_average_over_the_whole_set_as_the_held_out_loss()
    {
        // timm and the ImageNet example print each test batch's loss with the average so far; the last line of an
        // evaluation holds the whole set's loss in its average and one batch's in its value.
        var text = new StringBuilder();
        for (int e = 0; e < 3; e++)
        {
            text.Append(TextLogs.Lines([e], [0, 100, 200], (ep, p) => $"Train: {ep} [{p,4}/250 ({p * 100 / 250,3}%)]  Loss: {TextLogs.Loss(ep, p)} (5.000)  LR: 1.000e-03"));
            foreach (int t in new[] { 0, 20, 40 })
            {
                text.Append(CultureInfo.InvariantCulture, $"Test: [{t,3}/40]  Time: 0.5 (0.5)  Loss:  {t / 10.0:0.0000} ({1 + (e / 10.0) + (t / 1000.0):0.0000})  Acc@1: 70.0 (70.0)\n");
            }
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        var held = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("Test/Loss (avg)", held.Name);
        Assert.Equal([1.04, 1.14, 1.24], held.Values.ToArray());
        Assert.Equal([4.0, 4.0, 4.0], log.Find("Test/Loss")!.Values.ToArray());
    }

    [Fact]
    public void Lightning_bars_of_a_loss_logged_on_step_and_epoch_give_the_step_copy()
    {
        // self.log("train_loss", loss, on_step=True, on_epoch=True) shows train_loss_step, then train_loss_epoch.
        var text = new StringBuilder();
        for (int e = 0; e < 3; e++)
        {
            for (int p = 1; p <= 50; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\rEpoch {e}: {p * 2}%|█| {p}/50 [00:01<00:00, 50.0it/s, v_num=0, train_loss_step={TextLogs.Loss(e, p)}]");
            }

            text.Append(CultureInfo.InvariantCulture, $"\rEpoch {e}: 100%|█| 50/50 [00:01<00:00, 50.0it/s, v_num=0, train_loss_step={TextLogs.Loss(e, 50)}, train_loss_epoch=0.9]\n");
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("train_loss_step", loss.Name);
        Assert.Equal(150, loss.Count);
        Assert.Equal(TextLogs.Value(1, 7), loss.Values[56]);
        Assert.Equal(50, log.Epochs!.StepsPerEpoch);
    }

    [Fact]
    public void Sub_losses_printed_more_often_on_lines_of_their_own_do_not_displace_the_progress_line()
    {
        // As WS-DAN's loop prints: an AverageMeter progress line, then two sub-losses each on a line of its own.
        var text = new StringBuilder();
        for (int e = 0; e < 3; e++)
        {
            for (int p = 0; p < 250; p += 10)
            {
                text.Append(CultureInfo.InvariantCulture, $"Epoch: [{e}][{p}/250]\tTime 1.151 (1.175)\tLoss {TextLogs.Loss(e, p)} (5.2454)\n");
                text.Append(CultureInfo.InvariantCulture, $"cos_sim_loss  0.270 (0.272)\ncos_sim_loss  0.271 (0.272)\nneg_cos_sim_loss  0.212 (0.232)\n");
            }
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Loss", loss.Name);
        Assert.Equal(75, loss.Count);
        Assert.Equal(TextLogs.Value(1, 20), loss.Values[27]);
        Assert.Equal(250, log.Epochs!.StepsPerEpoch);
        Assert.Null(log.Find("cos_sim_loss"));
    }

    [Fact]
    public void Pipe_separated_zero_based_counter_without_total_restarts_each_epoch_and_says_the_length_was_inferred()
    {
        var path = _logs.Write("pipes.log", TextLogs.Lines([0, 1, 2], Enumerable.Range(0, 10), (e, p) => $"Epoch {e} | iter {p} | train loss {TextLogs.Loss(e, p)}"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("train loss", loss.Name);
        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i), Steps(loss));
        Assert.Equal(TextLogs.Value(1, 0), loss.Values[10]);
        Assert.Equal(10, log.Epochs!.StepsPerEpoch);
        Assert.Equal(new long[] { 1, 11, 21 }, log.Epochs.EpochStartSteps!);
        Assert.Contains("largest count seen, 10", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_step_counter_with_its_total_that_starts_again_after_reaching_it_marks_the_epochs_without_an_epoch_label()
    {
        var path = _logs.Write("wrap.log", TextLogs.Lines([1, 2, 3], Enumerable.Range(1, 8), (e, p) => $"it {p}/8 | train_loss={TextLogs.Loss(e, p)}"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(24, loss.Count);
        Assert.Equal(Enumerable.Range(1, 24).Select(i => (long)i), Steps(loss));
        Assert.Equal(8, log.Epochs!.StepsPerEpoch);
        Assert.Equal(new long[] { 1, 9, 17 }, log.Epochs.EpochStartSteps!);
        Assert.Contains("each of the 2 restarts is taken as a new epoch", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
        Assert.Empty(_logs.Messages(ProblemKind.StepsWentBack));
    }

    [Fact]
    public void A_counter_that_goes_back_before_reaching_its_total_is_a_resumed_run_not_an_epoch()
    {
        // Steps 1-8 of 8, then 1-5, then back to 3: the second restart comes mid-epoch, so no epochs are made up.
        var lines = Enumerable.Range(1, 8).Concat(Enumerable.Range(1, 5)).Concat(Enumerable.Range(3, 6))
            .Select((p, i) => $"it {p}/8 | train_loss={TextLogs.Loss(1, i)}");
        var path = _logs.Write("resumed.log", string.Join('\n', lines) + "\n");

        var log = _logs.ReadOne(path);

        Assert.DoesNotContain("restarts is taken as a new epoch", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
        Assert.NotEmpty(_logs.Messages(ProblemKind.StepsWentBack));
        Assert.True(log.Find(SeriesRole.TrainLoss)!.Count < 19);
    }

    [Theory]
    [InlineData("epoch {0} iter {1} loss is {2}", "loss")]
    [InlineData("Epoch: {0:000} | Batch {1:0000}/0006 | Cost: {2}", "Cost")]
    public void A_loss_after_is_or_named_cost_is_read(string format, string name)
    {
        var path = _logs.Write("styles.log", TextLogs.Lines([1, 2, 3], Enumerable.Range(1, 6), (e, p) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, e, p, TextLogs.Loss(e, p))));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(name, loss.Name);
        Assert.Equal(18, loss.Count);
        Assert.Equal(6, log.Epochs!.StepsPerEpoch);
    }

    [Fact]
    public void The_pytorch_classifier_tutorials_bracketed_epoch_and_mini_batch_are_read_as_counters()
    {
        // "Training a Classifier" prints print(f'[{epoch + 1}, {i + 1:5d}] loss: {running_loss / 2000:.3f}').
        var path = _logs.Write("cifar.log", TextLogs.Lines([1, 2, 3], Enumerable.Range(1, 6), (e, p) => $"[{e}, {p * 2000,5}] loss: {TextLogs.Loss(e, p)}"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(18, loss.Count);
        Assert.Equal(12000, log.Epochs!.StepsPerEpoch);
        Assert.Equal(2000, loss.Steps[0]);
        Assert.Equal(14000, loss.Steps[6]);
        Assert.Equal(TextLogs.Value(2, 1), loss.Values[6]);
    }

    [Fact]
    public void A_time_cost_beside_the_loss_is_not_the_loss()
    {
        var path = _logs.Write("cost.log", TextLogs.Lines([1, 2], Enumerable.Range(1, 5), (e, p) => $"epoch {e} iter {p} loss {TextLogs.Loss(e, p)} time cost 12.{p}s"));

        var log = _logs.ReadOne(path);

        Assert.Equal("loss", log.Find(SeriesRole.TrainLoss)!.Name);
    }

    [Fact]
    public void Python_logging_prefix_and_key_equals_value_pairs_are_read()
    {
        var path = _logs.Write("log.txt", TextLogs.Lines([1, 2], Enumerable.Range(1, 5), (e, p) => $"INFO:trainer:epoch={e} batch={p} loss={TextLogs.Loss(e, p)} acc=0.61"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(Enumerable.Range(1, 10).Select(i => (long)i), Steps(loss));
        Assert.Equal(5, log.Epochs!.StepsPerEpoch);
        Assert.Equal(10, log.Find("acc")!.Count);
        Assert.Null(log.Find("INFO"));
    }

    [Fact]
    public void Imagenet_style_value_and_running_average_become_two_series_with_wall_times()
    {
        var text = TextLogs.Lines([0, 1], [0, 100, 200, 300, 400], (e, p) =>
            $"2024-01-02 10:11:{(e * 5) + (p / 100):00},345 - INFO - Epoch: [{e}][{p,3}/500]\tTime  0.123 ( 0.150)\tLoss {TextLogs.Value(e, p):0.0000e+00} ({TextLogs.Value(e, p) + 0.5:0.0000e+00})");

        var log = _logs.ReadOne(_logs.Write("imagenet.log", text), new ReadOptions { KeepWallTimes = true });

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Loss", loss.Name);
        Assert.Equal(new long[] { 1, 101, 201, 301, 401, 501, 601, 701, 801, 901 }, Steps(loss));
        Assert.Equal(TextLogs.Value(1, 200), loss.Values[7], 6);
        var average = log.Find("Loss (avg)")!;
        Assert.Equal(AveragingKind.RunningMeanSinceEpochStart, average.Averaging.Kind);
        Assert.Equal(TextLogs.Value(1, 200) + 0.5, average.Values[7], 6);
        Assert.Equal(500, log.Epochs!.StepsPerEpoch);
        Assert.True(loss.HasWallTimes);
        Assert.Equal(new DateTimeOffset(2024, 1, 2, 10, 11, 0, 345, TimeSpan.Zero).ToUnixTimeMilliseconds() / 1000.0, loss.WallTimes[0], 3);
    }

    private static string Mnist(bool printBatchSize)
    {
        var text = new StringBuilder(printBatchSize ? "Namespace(batch_size=64, epochs=2, lr=1.0)\n" : "");
        for (int e = 1; e <= 2; e++)
        {
            for (int b = 0; b < 938; b += 10)
            {
                text.Append(CultureInfo.InvariantCulture, $"Train Epoch: {e} [{b * 64}/60000 ({100.0 * b / 938:0}%)]\tLoss: {TextLogs.Value(e, b):0.000000}\n");
            }

            text.Append(CultureInfo.InvariantCulture, $"\nTest set: Average loss: 0.05{e}0, Accuracy: 9826/10000 (98%)\n\n");
        }

        return text.ToString();
    }

    [Fact]
    public void Mnist_sample_counter_is_divided_by_the_printed_batch_size()
    {
        var log = _logs.ReadOne(_logs.Write("mnist.log", Mnist(printBatchSize: true)));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Loss", loss.Name);
        Assert.Equal(188, loss.Count);
        Assert.Equal(1, loss.Steps[0]);
        Assert.Equal(11, loss.Steps[1]);
        Assert.Equal(938 + 1, loss.Steps[94]);
        Assert.Equal(938, log.Epochs!.StepsPerEpoch);
        var test = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("Test/Average loss", test.Name);
        Assert.Equal(new long[] { 931, 938 + 931 }, Steps(test));
        Assert.Equal([0.051, 0.052], test.Values.ToArray());
        Assert.Contains("batch size 64 printed on line 1", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void Mnist_sample_counter_without_a_batch_size_makes_each_printed_line_a_step_and_says_so()
    {
        var log = _logs.ReadOne(_logs.Write("mnist.log", Mnist(printBatchSize: false)));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(new long[] { 1, 2, 3 }, Steps(loss)[..3]);
        Assert.Equal(95, loss.Steps[94]);
        Assert.Equal(94, log.Epochs!.StepsPerEpoch);
        Assert.Contains("every 640 samples), 94 to an epoch", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    private static string WordLanguageModel()
    {
        var text = new StringBuilder();
        for (int e = 1; e <= 2; e++)
        {
            for (int b = 200; b < 2983; b += 200)
            {
                text.Append(CultureInfo.InvariantCulture,
                    $"| epoch {e,3:d} | {b,5:d}/{2983,5:d} batches | lr 20.00 | ms/batch {5.3:5.2f} | loss {TextLogs.Value(e, b),5:0.00} | ppl {100.0 + b,8:0.00}\n");
            }

            text.Append('-', 89).Append('\n');
            text.Append(CultureInfo.InvariantCulture, $"| end of epoch {e,3:d} | time: 20.31s | valid loss {5.0 + e,5:0.00} | valid ppl   324.50\n");
            text.Append('-', 89).Append('\n');
        }

        return text.ToString();
    }

    [Fact]
    public void Word_language_model_counter_labelled_after_it_gives_the_epoch_length_and_valid_loss_is_held_out()
    {
        var log = _logs.ReadOne(_logs.Write("wlm.log", WordLanguageModel()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(28, loss.Count);
        Assert.Equal(new long[] { 200, 400 }, Steps(loss)[..2]);
        Assert.Equal(2983 + 200, loss.Steps[14]);
        Assert.Equal(2983, log.Epochs!.StepsPerEpoch);
        var valid = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("valid loss", valid.Name);
        Assert.Equal(new long[] { 2800, 2983 + 2800 }, Steps(valid));
        Assert.Equal([6.0, 7.0], valid.Values.ToArray());
        Assert.Equal(28, log.Find("ppl")!.Count);
        Assert.Equal(28, log.Find("ms/batch")!.Count);
    }

    [Fact]
    public void Metric_option_reads_another_label_as_the_training_series()
    {
        var log = _logs.ReadOne(_logs.Write("wlm.log", WordLanguageModel()), new ReadOptions { Metric = "ppl" });

        Assert.Equal(["ppl", "epoch"], log.Series.Select(s => s.Name));
        Assert.Equal(SeriesRole.TrainLoss, log.Find("ppl")!.Role);
        Assert.Equal(300.0, log.Find("ppl")!.Values[0]);
    }

    [Fact]
    public void A_counter_that_runs_on_across_epochs_is_the_global_step()
    {
        var path = _logs.Write("global.log", TextLogs.Lines([1, 2, 3], [1, 2, 3, 4], (e, p) => $"epoch {e} iter {((e - 1) * 40) + (p * 10)}: loss {TextLogs.Loss(e, p)}"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(new long[] { 10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110, 120 }, Steps(loss));
        Assert.Equal(new long[] { 10, 50, 90 }, log.Epochs!.EpochStartSteps!);
        Assert.Equal(40, log.Epochs.StepsPerEpoch);
    }

    [Fact]
    public void Tqdm_progress_bar_redraws_are_read_with_the_bar_counter_as_the_step()
    {
        var text = new StringBuilder();
        for (int e = 0; e <= 1; e++)
        {
            var updates = BarCounts.Select(n =>
                $"Epoch {e}:  {n / 10}%|████▌     | {n}/1000 [00:12<00:15, 35.1it/s, loss={TextLogs.Value(e, n):0.000}, v_num=1]");
            text.Append(string.Join('\r', updates)).Append('\n');
        }

        var log = _logs.ReadOne(_logs.Write("lightning.txt", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(new long[] { 250, 500, 750, 1000, 1250, 1500, 1750, 2000 }, Steps(loss));
        Assert.Equal(Math.Round(TextLogs.Value(1, 250), 3), loss.Values[4]);
        Assert.Equal(1000, log.Epochs!.StepsPerEpoch);
    }

    [Fact]
    public void Hugging_face_printed_dicts_give_fractional_epochs_window_means_and_eval_loss()
    {
        var text = new StringBuilder("***** Running training *****\n");
        for (int k = 1; k <= 20; k++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{'loss': {TextLogs.Loss(k, 0)}, 'grad_norm': 1.2, 'learning_rate': 4e-05, 'epoch': {k * 0.15:0.00}}}\n");
            if (k % 7 == 0)
            {
                text.Append(CultureInfo.InvariantCulture, $"{{'eval_loss': 0.{k}, 'eval_runtime': 1.0, 'epoch': {k * 0.15:0.00}}}\n");
            }
        }

        text.Append("{'train_runtime': 100.0, 'train_samples_per_second': 3.0, 'train_loss': 0.6, 'epoch': 3.0}\n");

        var log = _logs.ReadOne(_logs.Write("trainer.out", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => (long)i), Steps(loss));
        Assert.Equal(AveragingKind.MovingWindow, loss.Averaging.Kind);
        Assert.Equal(20 / 3.0, log.Epochs!.StepsPerEpoch!.Value, 6);
        Assert.Equal(SeriesRole.LearningRate, log.Find("learning_rate")!.Role);
        Assert.Equal(SeriesRole.GradNorm, log.Find("grad_norm")!.Role);
        var eval = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("eval_loss", eval.Name);
        Assert.Equal(new long[] { 7, 14 }, Steps(eval));
        Assert.Null(log.Find("train_loss"));
        Assert.Contains("train_runtime", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void Hugging_face_dicts_after_a_logger_prefix_are_window_means_too()
    {
        var path = _logs.Write("record.log", string.Concat(Enumerable.Range(1, 30).Select(k =>
            $"12/11/2023 05:{k:00}:52 - INFO - __main__ -   {{'loss': {TextLogs.Loss(k, 0)}, 'learning_rate': 6.3e-05, 'epoch': {k * 0.1:0.00}}}\n")));

        var loss = _logs.ReadOne(path).Find(SeriesRole.TrainLoss)!;

        Assert.Equal(30, loss.Count);
        Assert.Equal(AveragingKind.MovingWindow, loss.Averaging.Kind);
    }

    [Fact]
    public void Two_runs_in_one_file_are_split_where_the_epoch_goes_back_to_its_start()
    {
        string Run(double offset) => TextLogs.Lines([1, 2], [1, 2, 3], (e, p) => $"Epoch [{e}/2] Batch: {p}/3 loss: {TextLogs.Value(e, p) + offset:0.0000}");
        var path = _logs.Write("two.log", Run(0) + "Training finished\n" + Run(1));

        var logs = _logs.Read(path);

        Assert.Equal(2, logs.Count);
        Assert.Equal(path + " (run 1)", logs[0].Source);
        Assert.Equal(path + " (run 2)", logs[1].Source);
        foreach (var log in logs)
        {
            Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), Steps(log.Find(SeriesRole.TrainLoss)!));
            Assert.Equal(3, log.Epochs!.StepsPerEpoch);
        }

        Assert.Equal(TextLogs.Value(1, 1) + 1, logs[1].Find(SeriesRole.TrainLoss)!.Values[0], 6);
    }

    [Fact]
    public void An_epoch_header_gives_its_epoch_to_the_lines_under_it()
    {
        var text = new StringBuilder();
        for (int e = 1; e <= 2; e++)
        {
            text.Append(CultureInfo.InvariantCulture, $"Epoch {e}/2\n");
            for (int p = 1; p <= 4; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"  batch {p}/4 - batch loss: {TextLogs.Loss(e, p)}\n");
            }
        }

        var log = _logs.ReadOne(_logs.Write("headers.log", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("batch loss", loss.Name);
        Assert.Equal(Enumerable.Range(1, 8).Select(i => (long)i), Steps(loss));
        Assert.Equal(4, log.Epochs!.StepsPerEpoch);
    }

    [Fact]
    public void Lines_without_a_step_counter_are_steps_in_order_with_a_note()
    {
        var path = _logs.Write("epochs.log", TextLogs.Lines([1, 2, 3], [1, 2], (e, p) => $"epoch {e} total_loss {TextLogs.Loss(e, p)}"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("total_loss", loss.Name);
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), Steps(loss));
        Assert.Equal(new long[] { 1, 3, 5 }, log.Epochs!.EpochStartSteps!);
        Assert.Equal(2, log.Epochs.StepsPerEpoch);
        Assert.Contains("no step counter", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void A_loss_printed_as_cross_entropy_is_the_training_loss_where_no_label_says_loss()
    {
        // MXNet's Speedometer ("cross-entropy=", fields split by tabs) and OpenNMT ("xent: "), found by content.
        var mxnet = _logs.Write("mxnet.log", TextLogs.Lines([0, 1, 2], [20, 40, 60], (e, p) =>
            $"INFO:root:Epoch[{e}] Batch [{p}]\tSpeed: 1234.56 samples/sec\taccuracy=0.5\tcross-entropy={TextLogs.Loss(e, p)}"));
        var log = Assert.Single(_logs.Detect(mxnet));
        Assert.Equal("text", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("cross-entropy", loss.Name);
        Assert.Equal(TextLogs.Value(1, 40), loss.Values[4]);
        Assert.Equal(60, log.Epochs!.StepsPerEpoch);
        // The tab ends "samples/sec": the next field is "accuracy", not "samples/sec accuracy".
        Assert.NotNull(log.Find("accuracy"));

        var onmt = _logs.Write("onmt.log", string.Concat(Enumerable.Range(1, 6).Select(s =>
            $"[2019-01-01 12:00:00,000 INFO] Step {s * 50}/100000; acc:   3.51; ppl: 9.1; xent: {TextLogs.Loss(1, s)}; lr: 1.00000; 1234/5678 tok/s;     30 sec\n")));
        var xent = Assert.Single(_logs.Detect(onmt)).Find(SeriesRole.TrainLoss)!;
        Assert.Equal("xent", xent.Name);
        Assert.Equal(new long[] { 50, 100, 150, 200, 250, 300 }, Steps(xent));
    }

    [Fact]
    public void A_line_with_a_loss_label_keeps_it_over_a_cross_entropy()
    {
        var path = _logs.Write("both.log", TextLogs.Lines([1, 2], [1, 2, 3], (e, p) => $"epoch {e} step {p}/3 nll: 9.9 loss: {TextLogs.Loss(e, p)}"));
        Assert.Equal("loss", _logs.ReadOne(path).Find(SeriesRole.TrainLoss)!.Name);
    }

    [Fact]
    public void Tab_separated_labels_and_values_are_read_as_pairs()
    {
        var path = _logs.Write("tabs.txt", TextLogs.Lines([1, 2], [10, 20], (e, p) => $"epoch\t{e}\tstep\t{p}\tloss\t{TextLogs.Loss(e, p)}"));
        var loss = _logs.ReadOne(path).Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(new long[] { 10, 20, 30, 40 }, Steps(loss));
    }

    [Fact]
    public void A_progress_bar_opening_with_bare_epoch_and_global_step_counters_reads_both()
    {
        // torchtune's recipes print "epoch|global step|Loss: x" as the bar's description, each update after a carriage return.
        var text = new StringBuilder();
        for (int e = 1; e <= 3; e++)
        {
            for (int p = 1; p <= 40; p++)
            {
                text.Append(CultureInfo.InvariantCulture, $"{e}|{((e - 1) * 40) + p}|Loss: {TextLogs.Loss(e, p)}:  {p * 100 / 40}%|███       | {p}/40 [00:{p:00}<00:30,  1.31it/s]\r");
            }

            text.Append('\n');
        }

        var log = Assert.Single(_logs.Detect(_logs.Write("torchtune.log", text.ToString())));

        Assert.Equal("text", log.Format);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(120, loss.Count);
        Assert.Equal(Enumerable.Range(1, 120).Select(s => (long)s), Steps(loss));
        Assert.Equal(TextLogs.Value(2, 5), loss.Values[44]);
        Assert.Equal(40, log.Epochs!.StepsPerEpoch);
        Assert.Equal(new long[] { 1, 41, 81 }, log.Epochs.EpochStartSteps!);
    }

    [Fact]
    public void A_table_with_a_header_line_reads_each_row_under_its_columns_names_past_the_lines_between()
    {
        // Ultralytics YOLO: a header before each epoch, the epoch's bar updated after carriage returns (its losses are
        // means of the epoch so far), the validation table between epochs.
        var text = new StringBuilder("Starting training for 3 epochs...\n\n");
        for (int e = 1; e <= 3; e++)
        {
            text.Append("      Epoch    GPU_mem   box_loss   cls_loss   dfl_loss  Instances       Size\n");
            for (int b = 1; b <= 20; b++)
            {
                text.Append(CultureInfo.InvariantCulture, $"\r        {e}/3      2.61G      {TextLogs.Loss(e, b)}      0.9000      1.1000         45        640: {b * 5,3}%|███       | {b}/20 [00:10<00:00,  3.05it/s]");
            }

            text.Append("\n                 Class     Images  Instances      Box(P          R      mAP50  mAP50-95): 100%|██████████| 4/4 [00:01<00:00,  3.50it/s]\n");
            text.Append("                   all        128        929       0.64      0.537      0.605      0.446\n\n");
        }

        var log = Assert.Single(_logs.Detect(_logs.Write("train.txt", text.ToString())));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("box_loss", loss.Name);
        Assert.Equal(Enumerable.Range(1, 60).Select(s => (long)s), Steps(loss));
        Assert.Equal(TextLogs.Value(2, 7), loss.Values[26]);
        Assert.Equal(0.9, log.Find("cls_loss")!.Values[59]);
        Assert.Equal(20, log.Epochs!.StepsPerEpoch);
        Assert.Equal(new long[] { 1, 21, 41 }, log.Epochs.EpochStartSteps!);
        Assert.Null(log.Find("all"));
    }

    [Fact]
    public void A_header_printed_once_names_the_columns_of_every_row_after_it()
    {
        var text = new StringBuilder("epoch  step  train_loss  lr\n");
        for (int e = 1; e <= 3; e++)
        {
            for (int p = 10; p <= 50; p += 10)
            {
                text.Append(CultureInfo.InvariantCulture, $"{e,5}  {((e - 1) * 50) + p,4}  {TextLogs.Loss(e, p),10}  3e-4\n");
            }
        }

        var log = _logs.ReadOne(_logs.Write("train.log", text.ToString()));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("train_loss", loss.Name);
        Assert.Equal(15, loss.Count);
        Assert.Equal(new long[] { 10, 20, 30, 40, 50, 60 }, Steps(loss)[..6]);
        Assert.Equal(TextLogs.Value(3, 50), loss.Values[14]);
        Assert.Equal(3e-4, log.Find(SeriesRole.LearningRate)!.Values[0]);
        Assert.Equal(new[] { 1.0, 1, 1, 1, 1, 2 }, log.Find(SeriesRole.Epoch)!.Values[..6].ToArray());
    }

    [Fact]
    public void Counters_with_their_unit_glued_after_them_give_the_epoch_and_the_batch()
    {
        // ESPnet's trainer: "1epoch:train:201-300batch:", the batch range ending at the last batch it covers.
        var text = TextLogs.Lines([1, 2, 3], [100, 200, 300, 400], (e, b) =>
            $"[gpu0] 2023-04-01 10:00:00,000 (trainer:732) INFO: {e}epoch:train:{b - 99}-{b}batch: iter_time=1.234e-04, forward_time=0.123, loss_ctc=1.5, loss={TextLogs.Loss(e, b)}, optim0_lr0=2.000e-05, train_time=1.5");

        var log = Assert.Single(_logs.Detect(_logs.Write("train.log", text)));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(new long[] { 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000, 1100, 1200 }, Steps(loss));
        Assert.Equal(TextLogs.Value(2, 300), loss.Values[6]);
        Assert.Equal(400, log.Epochs!.StepsPerEpoch);
        Assert.Equal(1.234e-4, log.Find("iter_time")!.Values[0]);
    }

    private static string GanLossLog() => TextLogs.Lines([1, 2, 3], [100, 200, 300, 400], (e, i) =>
        $"(epoch: {e}, iters: {i}, time: 0.123, data: 0.004) G_GAN: 1.234 G_L1: {TextLogs.Loss(e, i)} D_real: 0.567 D_fake: 0.432 ");

    [Fact]
    public void Lines_with_epochs_and_values_but_no_loss_label_are_recognised_and_refused_with_the_names_to_pick_from()
    {
        // pix2pix / CycleGAN's loss_log.txt names its losses G_GAN, G_L1, D_real, D_fake: none is labelled "loss".
        var path = _logs.Write("loss_log.txt", "================ Training Loss (Mon Jan  1 10:00:00 2024) ================\n" + GanLossLog());

        var error = Assert.Throws<LogReadException>(() => _logs.Detect(path));

        Assert.Contains("loss_log.txt", error.Message, StringComparison.Ordinal);
        Assert.Contains("none labels a loss", error.Message, StringComparison.Ordinal);
        Assert.Contains("'G_GAN', 'G_L1', 'D_real', 'D_fake'", error.Message, StringComparison.Ordinal);
        Assert.Contains("(for example the metric setting 'G_GAN')", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_log_without_a_loss_label_offers_the_names_of_its_most_common_line_not_of_a_summary_above_it()
    {
        // VSE-infinity style: the loss is "Le"; a summary line with an epoch count comes first.
        var path = _logs.Write("vse.log", "Total epochs: 25; iters: 110650.\n" + TextLogs.Lines([0, 1], [74, 274, 474], (e, i) =>
            $"2021-06-22 03:05:39,924 Epoch: [{e}][{i}/4426]\tEit {(e * 4426) + i}  lr 0.0005  Le {TextLogs.Loss(e, i)} (63.4182)\tTime 1.215 (0.000)"));

        var error = Assert.Throws<LogReadException>(() => _logs.Detect(path));

        Assert.Contains("'Eit', 'lr', 'Le', 'Time'", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("Total epochs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Lines_with_no_loss_label_are_read_with_the_metric_the_user_names()
    {
        var path = _logs.Write("loss_log.txt", GanLossLog());

        var log = Assert.Single(_logs.Detect(path, ReadOptions.Default with { Metric = "G_L1" }));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("G_L1", loss.Name);
        Assert.Equal(12, loss.Count);
        Assert.Equal(TextLogs.Value(2, 300), loss.Values[6]);
        Assert.Equal(400, log.Epochs!.StepsPerEpoch);
    }

    [Theory]
    [InlineData("Ep {0} | it {1} | loss {2}")]
    [InlineData("ep: {0}, iter: {1}, loss: {2}")]
    [InlineData("e: {0} step: {1} loss: {2}")]
    [InlineData("Ep.{0} batch {1} loss={2}")]
    public void An_abbreviated_epoch_label_gives_the_epochs(string template)
    {
        var path = _logs.Write("abbrev.log", TextLogs.Lines([0, 1, 2], Enumerable.Range(0, 10), (e, p) => string.Format(CultureInfo.InvariantCulture, template, e, p, TextLogs.Loss(e, p))));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(30, loss.Count);
        Assert.Equal(10, log.Epochs!.StepsPerEpoch);
        Assert.Equal(new long[] { 1, 11, 21 }, log.Epochs.EpochStartSteps!);
        Assert.Equal(TextLogs.Value(2, 3), loss.Values[23]);
        Assert.Empty(_logs.Messages(ProblemKind.StepsWentBack));
    }

    [Fact]
    public void The_iteration_in_the_bracket_after_the_epoch_gives_the_steps_without_a_total()
    {
        // SwAV's logger: "Epoch: [e][it]" with no total; the iteration restarts each epoch.
        var path = _logs.Write("swav.log", TextLogs.Lines([0, 1, 2], Enumerable.Range(0, 5).Select(i => i * 50), (e, p) =>
            $"INFO - 12/06/20 10:00:00 - 0:01:00 - Epoch: [{e}][{p}]\tTime 0.500 (0.600)\tData 0.010 (0.020)\tLoss {TextLogs.Loss(e, p)} (7.0000)\tLr: 0.6000"));

        var log = _logs.ReadOne(path);

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("Loss", loss.Name);
        Assert.Equal(15, loss.Count);
        Assert.Equal(new long[] { 1, 51, 101, 151, 201 }, Steps(loss)[..5]);
        Assert.Equal(201, loss.Steps[5] - loss.Steps[0]);
        Assert.Equal(new long[] { 1, 202, 403 }, log.Epochs!.EpochStartSteps!);
    }

    [Theory]
    [InlineData("1 epoch = 20 batches", 20)]
    [InlineData("Steps per epoch: 25", 25)]
    [InlineData("steps_per_epoch=25", 25)]
    [InlineData("Require iter number per epoch: 56", 56)]
    public void An_epoch_length_the_log_states_marks_the_epochs_of_lines_with_a_step_but_no_epoch(string statement, int length)
    {
        var path = _logs.Write("stated.log", $"loaded 338025 tokens\n{statement}\n" + TextLogs.Lines([0], Enumerable.Range(0, 120), (_, p) => $"step {p}, loss: {TextLogs.Loss(p / length, p)}"));

        var log = _logs.ReadOne(path);

        Assert.Equal(120, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(length, log.Epochs!.StepsPerEpoch);
        Assert.Equal(1, log.Epochs.FirstEpochStart);
        Assert.Null(log.Find(SeriesRole.Epoch));
    }

    [Fact]
    public void A_stated_epoch_length_in_batches_is_not_used_where_the_log_accumulates_gradients()
    {
        // build-nanogpt with gradient accumulation: each step takes 32 of the 20 batches an epoch has.
        var path = _logs.Write("accum.log", "total desired batch size: 524288\n=> calculated gradient accumulation steps: 32\n1 epoch = 20 batches\n"
            + TextLogs.Lines([0], Enumerable.Range(0, 60), (_, p) => $"step {p} | loss: {TextLogs.Loss(0, p)} | lr: 6.0000e-05"));

        var log = _logs.ReadOne(path);

        Assert.Equal(60, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Null(log.Epochs);
        Assert.Contains("gradient accumulation of 32", _logs.Messages(ProblemKind.Assumed), StringComparison.Ordinal);
    }

    [Fact]
    public void Epoch_headers_still_give_the_epochs_where_the_log_also_states_the_length()
    {
        var text = new StringBuilder("1 epoch = 5 batches\n");
        foreach (int e in new[] { 1, 2, 3 })
        {
            text.Append(CultureInfo.InvariantCulture, $"Epoch {e}\n");
            text.Append(TextLogs.Lines([e], Enumerable.Range(1, 5), (ep, p) => $"batch {p} loss {TextLogs.Loss(ep, p)}"));
        }

        var log = _logs.ReadOne(_logs.Write("headers.log", text.ToString()));

        Assert.Equal(15, log.Find(SeriesRole.TrainLoss)!.Count);
        Assert.Equal(new long[] { 1, 6, 11 }, log.Epochs!.EpochStartSteps!);
    }

    [Fact]
    public void BasicSR_lines_give_the_first_l_loss_and_the_global_iteration_grouped_by_thousands()
    {
        // Lines of a real BasicSR (pyiqa) log: 02zzk/IQA, commit 783c94e267faf3b1510526a4db2f1fe4772a1158, nohup.out,
        // lines 708-720; the iteration runs on across epochs and prints "1,000" from the thousandth step on.
        const string prefix = "2025-02-04 17:10:57,758 INFO: [basel..][epoch: ";
        string[] lines =
        [
            prefix + "14, iter:     800, lr:(2.857e-05,)] [eta: 2:34:49, time (data): 2.013 (0.522)] l_mos: 8.4571e-04 l_metric: 6.1630e-02 train_metrics/srcc: 9.6471e-01 train_metrics/plcc: 9.9213e-01 ",
            prefix + "16, iter:     900, lr:(2.814e-05,)] [eta: 2:36:06, time (data): 2.033 (0.531)] l_mos: 7.0653e-04 l_metric: 6.6373e-02 train_metrics/srcc: 9.9118e-01 train_metrics/plcc: 9.9524e-01 ",
            prefix + "18, iter:   1,000, lr:(2.766e-05,)] [eta: 2:32:53, time (data): 2.020 (0.524)] l_mos: 6.4552e-04 l_metric: 6.1209e-02 train_metrics/srcc: 9.7059e-01 train_metrics/plcc: 9.8247e-01 ",
            prefix + "19, iter:   1,100, lr:(2.741e-05,)] [eta: 2:27:59, time (data): 1.758 (0.278)] l_mos: 5.1400e-04 l_metric: 5.4691e-02 train_metrics/srcc: 9.7647e-01 train_metrics/plcc: 9.9166e-01 ",
            prefix + "21, iter:   1,200, lr:(2.685e-05,)] [eta: 2:24:54, time (data): 1.886 (0.399)] l_mos: 5.6353e-04 l_metric: 5.2786e-02 train_metrics/srcc: 9.9412e-01 train_metrics/plcc: 9.9425e-01 ",
            prefix + "23, iter:   1,300, lr:(2.625e-05,)] [eta: 2:21:48, time (data): 2.047 (0.540)] l_mos: 1.0395e-03 l_metric: 5.6211e-02 train_metrics/srcc: 9.8529e-01 train_metrics/plcc: 9.9600e-01 ",
        ];

        var log = _logs.ReadOne(_logs.Write("basicsr.log", string.Join("\n", lines) + "\n"));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("l_mos", loss.Name);
        Assert.Equal(new long[] { 800, 900, 1000, 1100, 1200, 1300 }, Steps(loss));
        Assert.Equal(6.4552e-04, loss.Values[2]);
        Assert.Equal(23, log.Find(SeriesRole.Epoch)!.Values[^1]);
    }
}
