using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Core.Tests.Readers.ConsoleLogs;

/// <summary>The Keras reader on fixtures written as the Keras progress bars print them (see Fixtures/console-keras/make_fixtures.py).</summary>
public sealed class KerasReaderTests
{
    private static (TrainingLog Log, ProblemLog Problems) ReadOne(string fixture, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        var logs = ConsoleFixtures.Read(KerasReader.Default, ConsoleFixtures.KerasPath(fixture), problems, options);
        return (Assert.Single(logs), problems);
    }

    [Theory]
    [MemberData(nameof(KerasFixtures))]
    public void Recognises_every_keras_fixture_and_no_mmengine_one(string fixture)
    {
        Assert.True(ConsoleFixtures.Recognises(KerasReader.Default, ConsoleFixtures.KerasPath(fixture)));
        Assert.False(ConsoleFixtures.Recognises(MmEngineReader.Default, ConsoleFixtures.KerasPath(fixture)));
    }

    public static TheoryData<string> KerasFixtures() => [.. ConsoleFixtures.Keras];

    [Theory]
    [InlineData("## ")]
    [InlineData("> ")]
    [InlineData("    ")]
    public void Output_quoted_in_a_document_reads_like_the_original(string quote)
    {
        // knitr writes R Markdown chunk output with "## " before every line; Markdown quotes it with "> ".
        var original = File.ReadAllText(ConsoleFixtures.KerasPath("tf2_steps.log"));
        var quoted = "# Notes\n\nSome prose about the run.\n\n```\n"
            + string.Join('\n', original.Split('\n').Select(line => quote + line)) + "\n```\n";
        using var folder = new TempFolder();
        var path = folder.Write("notes.md", quoted);

        Assert.True(ConsoleFixtures.Recognises(KerasReader.Default, path));
        var problems = new ProblemLog();
        var log = Assert.Single(ConsoleFixtures.Read(KerasReader.Default, path, problems));
        var (expected, _) = ReadOne("tf2_steps.log");
        Assert.Equal(expected.Find("loss")!.Values.ToArray(), log.Find("loss")!.Values.ToArray());
        Assert.Equal(expected.Find("loss")!.Steps.ToArray(), log.Find("loss")!.Steps.ToArray());
        Assert.Equal(expected.Epochs!.EpochStartSteps!, log.Epochs!.EpochStartSteps!);
    }

    [Fact]
    public void Tf1_sample_counter_gives_positions_in_samples_and_the_epoch_length()
    {
        var (log, problems) = ReadOne("tf1_samples.log");
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(30, loss.Count);
        Assert.Equal([32L, 64, 96], loss.Steps[..3].ToArray());
        Assert.Equal(352, loss.Steps[10]);
        Assert.Equal(960, loss.Steps[^1]);
        Assert.Equal(2.0, loss.Values[0]);
        Assert.Equal(1.9591, loss.Values[1]);
        Assert.Equal(AveragingKind.RunningMeanSinceEpochStart, loss.Averaging.Kind);
        Assert.Contains("running", loss.Averaging.Evidence!, StringComparison.OrdinalIgnoreCase);

        var held = log.Find(SeriesRole.HeldOutLoss)!;
        Assert.Equal("val_loss", held.Name);
        Assert.Equal([320L, 640, 960], held.Steps.ToArray());
        Assert.Equal([1.0, 0.9, 0.8], held.Values.ToArray());

        Assert.Equal(320, log.Epochs!.StepsPerEpoch);
        Assert.Equal([1L, 321, 641], log.Epochs.EpochStartSteps!);
        Assert.Contains("samples", log.Epochs.Origin, StringComparison.Ordinal);
        Assert.Equal("keras", log.Format);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Tf2_backspace_and_carriage_return_redraws_become_one_point_per_step()
    {
        var (log, problems) = ReadOne("tf2_steps.log");
        var loss = log.Find("loss")!;
        Assert.Equal(38, loss.Count);
        Assert.Equal(Enumerable.Range(1, 38).Select(i => (long)i), loss.Steps.ToArray());
        Assert.Equal(19, log.Epochs!.StepsPerEpoch);
        Assert.Equal("Keras progress 'k/N'", log.Epochs.Origin);
        Assert.Equal([19L, 38], log.Find("val_loss")!.Steps.ToArray());
        Assert.Equal(SeriesRole.Other, log.Find("accuracy")!.Role);
        var epoch = log.Find(SeriesRole.Epoch)!;
        Assert.Equal(1, epoch.Values[18]);
        Assert.Equal(2, epoch.Values[19]);
        Assert.Equal(0, problems.Total);
    }

    [Theory]
    [InlineData("keras3_terminal.log")]
    [InlineData("keras3_notebook.log")]
    public void Keras3_ansi_bars_read_the_same_on_a_terminal_and_in_a_notebook_copy(string fixture)
    {
        var (log, problems) = ReadOne(fixture);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal(24, loss.Count);
        Assert.Equal(24, loss.Steps[^1]);
        Assert.Equal(2.0, loss.Values[0]);
        Assert.Equal([12L, 24], log.Find(SeriesRole.HeldOutLoss)!.Steps.ToArray());
        Assert.Equal([0.8, 0.7], log.Find(SeriesRole.HeldOutLoss)!.Values.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(12, log.Epochs!.StepsPerEpoch);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Verbose2_lines_give_epoch_means_and_each_fit_call_is_its_own_run()
    {
        var problems = new ProblemLog();
        var path = ConsoleFixtures.KerasPath("verbose2_two_runs.log");
        var logs = ConsoleFixtures.Read(KerasReader.Default, path, problems);
        Assert.Equal(2, logs.Count);
        Assert.Equal(path, logs[0].Source);
        Assert.Equal($"{path} (run 2)", logs[1].Source);

        var first = logs[0].Find(SeriesRole.TrainLoss)!;
        Assert.Equal([1875L, 3750, 5625], first.Steps.ToArray());
        Assert.Equal([0.5, 0.4, 0.3], first.Values.ToArray());
        Assert.Equal(AveragingKind.EpochMean, first.Averaging.Kind);
        Assert.Equal([0.45, 0.40, 0.35], logs[0].Find("val_loss")!.Values.ToArray(), new ToleranceComparer(1e-12));

        var second = logs[1].Find(SeriesRole.TrainLoss)!;
        Assert.Equal([938L, 1876], second.Steps.ToArray());
        Assert.Equal(938, logs[1].Epochs!.StepsPerEpoch);
        Assert.Null(logs[1].Find("val_loss"));
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Tf1_verbose2_lines_without_counter_give_one_step_per_epoch()
    {
        var (log, _) = ReadOne("tf1_verbose2.log");
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal([1L, 2], loss.Steps.ToArray());
        Assert.Equal(0.4957, loss.Values[0]);
        Assert.Equal(1, log.Epochs!.StepsPerEpoch);
        Assert.Equal([0.41, 0.41], log.Find(SeriesRole.HeldOutLoss)!.Values.ToArray());
    }

    [Fact]
    public void Notebook_copy_with_two_fits_gives_two_runs_and_ignores_the_evaluate_bar()
    {
        var problems = new ProblemLog();
        var logs = ConsoleFixtures.Read(KerasReader.Default, ConsoleFixtures.KerasPath("notebook_two_runs.log"), problems);
        Assert.Equal(2, logs.Count);
        foreach (var log in logs)
        {
            var loss = log.Find(SeriesRole.TrainLoss)!;
            Assert.Equal(10, loss.Count);
            Assert.Equal(10, loss.Steps[^1]);
            Assert.NotEqual(0.65, loss.Values[^1]);
        }

        Assert.Equal([0.7, 0.6], logs[0].Find("val_loss")!.Values.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal([0.5, 0.4], logs[1].Find("val_loss")!.Values.ToArray(), new ToleranceComparer(1e-12));
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Metric_option_reads_only_that_series()
    {
        var (log, _) = ReadOne("tf2_steps.log", new ReadOptions { Metric = "val_loss" });
        var series = Assert.Single(log.Series);
        Assert.Equal("val_loss", series.Name);
        Assert.Equal(SeriesRole.HeldOutLoss, series.Role);
    }

    [Fact]
    public void Keras3_single_epoch_fit_without_header_is_still_read()
    {
        // Keras 3's ProgbarLogger prints "Epoch e/E" only when epochs > 1.
        using var folder = new TempFolder();
        var path = folder.Write("one.log", "1/3 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 1.0000\n3/3 ━━━━━━━━━━━━━━━━━━━━ 0s 1ms/step - loss: 0.5000\n");
        var logs = ConsoleFixtures.Read(KerasReader.Default, path, new ProblemLog());
        Assert.Equal([1L, 3], Assert.Single(logs).Find("loss")!.Steps.ToArray());
    }

    [Fact]
    public void A_utf8_byte_order_mark_does_not_hide_the_first_epoch_header()
    {
        // Notepad and PowerShell save logs with a byte order mark: the "Epoch 1/1" after it is still the header.
        using var folder = new TempFolder();
        var text = "Epoch 1/1\n1/2 [==============>...............] - ETA: 0s - loss: 0.7000\n2/2 [==============================] - 0s 2ms/step - loss: 0.6000\n";
        var path = folder.Write("bom.log", [.. "\uFEFF"u8, .. System.Text.Encoding.UTF8.GetBytes(text)]);

        Assert.True(ConsoleFixtures.Recognises(KerasReader.Default, path));
        var log = Assert.Single(ConsoleFixtures.Read(KerasReader.Default, path, new ProblemLog()));
        Assert.Equal([1L, 2], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(2, log.Epochs!.StepsPerEpoch);
    }

    [Fact]
    public void Unknown_epoch_length_counts_steps_from_the_previous_epoch()
    {
        using var folder = new TempFolder();
        var path = folder.Write("unknown.log",
            "Epoch 1/2\n     10/Unknown - 1s 10ms/step - loss: 1.0000\n     20/Unknown - 1s 10ms/step - loss: 0.9000\n" +
            "Epoch 2/2\n20/20 [==============================] - 1s 10ms/step - loss: 0.5000\n");
        var log = Assert.Single(ConsoleFixtures.Read(KerasReader.Default, path, new ProblemLog()));
        Assert.Equal([10L, 20, 40], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(20, log.Epochs!.StepsPerEpoch);
    }

    /// <summary>Compares doubles within an absolute tolerance.</summary>
    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
