using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>
/// Files in the formats real tools write. lightning-csvlogger/metrics.csv was written by PyTorch Lightning
/// 2.6's CSVLogger (see ../shared/fixtures/README.md). csv-wandb/wandb_export.csv follows the W&amp;B chart
/// export as found in exports committed to public repositories (for example druidowm/nanoGPT
/// wandb_export.csv): every cell quoted, a "Step" column, then "&lt;run&gt; - &lt;metric&gt;" with "__MIN" and
/// "__MAX" companions and the run's "_step" columns, empty cells as "" where a run has no value; its
/// numbers are made up. csv-plain/loss.csv is a step,epoch,loss file as pandas' to_csv writes it.
/// </summary>
public sealed class CsvReaderFormatTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private static (IReadOnlyList<TrainingLog> Logs, ProblemLog Problems) Read(string path, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        var logs = CsvReader.Default.Read(LogSource.OfFile(path), options ?? ReadOptions.Default, problems);
        return (logs, problems);
    }

    [Fact]
    public void Lightning_sparse_columns_become_one_series_each_over_the_steps_where_they_have_values()
    {
        var path = TempFolder.Fixture("lightning-csvlogger", "metrics.csv");
        var (logs, problems) = Read(path);

        var log = Assert.Single(logs);
        Assert.Equal(0, problems.Total);
        Assert.Equal("csv", log.Format);
        var perStep = log.Find("train_loss_step")!;
        var epochMean = log.Find("train_loss_epoch")!;
        var validation = log.Find("val_loss")!;
        Assert.Equal(66, perStep.Count);
        Assert.Equal(Enumerable.Range(0, 66).Select(i => (long)i), perStep.Steps.ToArray());
        Assert.Equal((SeriesRole.TrainLoss, AveragingKind.PerStep), (perStep.Role, perStep.Averaging.Kind));
        Assert.Equal((SeriesRole.TrainLoss, AveragingKind.EpochMean), (epochMean.Role, epochMean.Averaging.Kind));
        Assert.Equal(SeriesRole.HeldOutLoss, validation.Role);
        Assert.Equal([10L, 21, 32, 43, 54, 65], epochMean.Steps.ToArray());
        Assert.Equal([10L, 21, 32, 43, 54, 65], validation.Steps.ToArray());
        Assert.Same(perStep, log.Find(SeriesRole.TrainLoss));
        Assert.Equal(SeriesRole.Epoch, log.Find("epoch")!.Role);
        Assert.Equal([0L, 11, 22, 33, 44, 55], log.Epochs!.EpochStartSteps);
        Assert.Equal(11, log.Epochs.StepsPerEpoch);
    }

    [Fact]
    public void Lightning_values_agree_with_the_file_text_value_for_value()
    {
        var path = TempFolder.Fixture("lightning-csvlogger", "metrics.csv");
        var log = Read(path).Logs[0];
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        foreach (var column in new[] { "train_loss_step", "train_loss_epoch", "val_loss" })
        {
            int index = Array.IndexOf(header, column);
            var expected = lines.Skip(1).Select(l => l.Split(','))
                .Where(cells => cells[index].Length > 0)
                .Select(cells => (long.Parse(cells[1], CultureInfo.InvariantCulture), double.Parse(cells[index], CultureInfo.InvariantCulture)))
                .ToList();
            var series = log.Find(column)!;
            Assert.Equal(expected.Select(e => e.Item1), series.Steps.ToArray());
            Assert.Equal(expected.Select(e => e.Item2), series.Values.ToArray());
        }
    }

    [Fact]
    public void Wandb_export_gives_one_log_per_run_named_after_the_run()
    {
        var path = TempFolder.Fixture("csv-wandb", "wandb_export.csv");
        var (logs, problems) = Read(path);

        Assert.Equal(0, problems.Total);
        Assert.Equal(2, logs.Count);
        Assert.EndsWith("[lively-dawn-7]", logs[0].Source, StringComparison.Ordinal);
        Assert.EndsWith("[quiet-river-12]", logs[1].Source, StringComparison.Ordinal);
        var loss = logs[0].Find(SeriesRole.TrainLoss)!;
        Assert.Equal("train/loss", loss.Name);
        Assert.Equal(40, loss.Count);
        Assert.Equal(2.332383394241333, loss.Values[0]);
        Assert.Equal(30, logs[1].Find("train/loss")!.Count);
        Assert.Equal(SeriesRole.Other, logs[0].Find("train/loss__MIN")!.Role);
        Assert.Equal(SeriesRole.Other, logs[0].Find("train/loss__MAX")!.Role);
        Assert.DoesNotContain(logs[0].Series, s => s.Name.StartsWith("_step", StringComparison.Ordinal));
    }

    [Fact]
    public void Wandb_metric_option_selects_that_metric_in_every_run()
    {
        var path = TempFolder.Fixture("csv-wandb", "wandb_export.csv");
        var logs = Read(path, ReadOptions.Default with { Metric = "train/loss" }).Logs;
        Assert.Equal(2, logs.Count);
        Assert.All(logs, l => Assert.Equal("train/loss", Assert.Single(l.Series).Name));
    }

    [Fact]
    public void Plain_step_epoch_loss_file_gives_the_loss_the_epoch_column_and_epoch_starts()
    {
        var (logs, problems) = Read(TempFolder.Fixture("csv-plain", "loss.csv"));
        var log = Assert.Single(logs);
        Assert.Equal(0, problems.Total);
        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal("loss", loss.Name);
        Assert.Equal(100, loss.Count);
        Assert.Equal(2.0118982, loss.Values[0]);
        Assert.Equal(3, log.Find(SeriesRole.Epoch)!.Values[99]);
        Assert.Equal([0L, 25, 50, 75], log.Epochs!.EpochStartSteps);
        Assert.Equal(25, log.Epochs.StepsPerEpoch);
    }

    [Fact]
    public void Gzip_file_is_detected_by_its_magic_bytes_and_reads_like_the_plain_file()
    {
        var plain = TempFolder.Fixture("csv-plain", "loss.csv");
        var gz = _temp.Write("loss.csv.gz", TempFolder.Gzip(File.ReadAllBytes(plain)));
        Assert.True(CsvReader.Default.Recognises(gz, FileHead.Read(gz)));
        var expected = Read(plain).Logs[0].Find("loss")!;
        var actual = Read(gz).Logs[0].Find("loss")!;
        Assert.Equal(expected.Steps.ToArray(), actual.Steps.ToArray());
        Assert.Equal(expected.Values.ToArray(), actual.Values.ToArray());
    }

    [Fact]
    public void Metric_option_reads_only_that_column_and_keeps_the_epoch_hint()
    {
        var log = Read(TempFolder.Fixture("lightning-csvlogger", "metrics.csv"), ReadOptions.Default with { Metric = "val_loss" }).Logs[0];
        Assert.Equal("val_loss", Assert.Single(log.Series).Name);
        Assert.NotNull(log.Epochs);
    }

    [Fact]
    public void Unknown_metric_option_names_the_columns_there_are()
    {
        var e = Assert.Throws<LogReadException>(() => Read(TempFolder.Fixture("csv-plain", "loss.csv"), ReadOptions.Default with { Metric = "accuracy" }));
        Assert.Contains("loss", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Step_and_epoch_column_options_name_columns_the_reader_would_not_guess()
    {
        var path = _temp.Write("odd.csv", "batch_no,pass,loss\n5,0,1.5\n6,0,1.25\n7,1,1.0\n");
        var log = Read(path, ReadOptions.Default with { StepColumn = "batch_no", EpochColumn = "PASS" }).Logs[0];
        Assert.Equal([5L, 6, 7], log.Find("loss")!.Steps.ToArray());
        Assert.Equal([5L, 7], log.Epochs!.EpochStartSteps);
        Assert.Throws<LogReadException>(() => Read(path, ReadOptions.Default with { StepColumn = "nope" }));
    }

    [Theory]
    [InlineData("step,loss\n1,0.5\n2,0.25\n")]
    [InlineData("Iteration,Train_Loss\n1,0.5\n2,0.25\n")]
    [InlineData("global_step;training_loss\n1;0.5\n2;0.25\n")]
    [InlineData("iter\ttrain/loss\n1\t0.5\n2\t0.25\n")]
    [InlineData("\"_step\",\"loss\"\r\n\"1\",\"0.5\"\r\n\"2\",\"0.25\"\r\n")]
    [InlineData("\uFEFFstep, loss\n1, 0.5\n2, 0.25")]
    public void Header_names_delimiters_and_quoting_are_detected(string text)
    {
        var (logs, problems) = Read(_temp.Write("log.csv", text));
        var loss = logs[0].Find(SeriesRole.TrainLoss)!;
        Assert.Equal([1L, 2], loss.Steps.ToArray());
        Assert.Equal([0.5, 0.25], loss.Values.ToArray());
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Quoted_cells_may_hold_delimiters_and_doubled_quotes()
    {
        var text = "step,\"loss, smoothed\",\"the \"\"raw\"\" loss\"\n1,\"0.5\",0.75\n";
        var log = Read(_temp.Write("q.csv", text)).Logs[0];
        Assert.Equal(0.5, log.Find("loss, smoothed")!.Values[0]);
        Assert.Equal(0.75, log.Find("the \"raw\" loss")!.Values[0]);
    }

    [Fact]
    public void File_without_a_step_column_uses_the_row_index_and_says_so()
    {
        var (logs, problems) = Read(_temp.Write("loss.csv", "loss\n0.5\n\n0.4\n0.3\n"));
        Assert.Equal([0L, 1, 2], logs[0].Find("loss")!.Steps.ToArray());
        var note = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Assumed, note.Kind);
        Assert.Contains("row index", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Headerless_file_whose_first_column_counts_up_uses_it_as_the_step()
    {
        var (logs, problems) = Read(_temp.Write("n.csv", "10,0.5,3\n20,0.4,3\n30,0.3,3\n"));
        var log = logs[0];
        Assert.Equal(["col1", "col2"], log.Series.Select(s => s.Name));
        Assert.Equal([10L, 20, 30], log.Find("col1")!.Steps.ToArray());
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Headerless_file_whose_first_column_does_not_count_up_uses_the_row_index()
    {
        var (logs, problems) = Read(_temp.Write("n.csv", "0.9,0.5\n0.8,0.4\n"));
        Assert.Equal([0L, 1], logs[0].Find("col0")!.Steps.ToArray());
        Assert.Equal(ProblemKind.Assumed, Assert.Single(problems.Kept).Kind);
    }

    [Fact]
    public void Tensorboard_csv_download_keeps_wall_times_when_asked()
    {
        var path = _temp.Write("run-train-tag-loss.csv", "Wall time,Step,Value\n1700000000.5,0,2.5\n1700000001.25,1,2.0\n");
        var value = Read(path, ReadOptions.Default with { KeepWallTimes = true }).Logs[0].Find("Value")!;
        Assert.Equal([1700000000.5, 1700000001.25], value.WallTimes.ToArray());
        Assert.False(Read(path).Logs[0].Find("Value")!.HasWallTimes);
    }

    [Theory]
    [InlineData("metrics.csv", "epoch,step,train_loss_step\n0,0,1.5\n", true)]
    [InlineData("log.tsv", "step\tloss\n0\t1.5\n", true)]
    [InlineData("LOG.CSV.GZ", "step,loss\n0,1.5\n", true)]
    [InlineData("nums.csv", "0,1.5\n1,1.4\n", true)]
    [InlineData("metrics.csv", "epoch,step,train_loss\n", true)]
    [InlineData("steps.csv", "step,epoch,position,batch_size,loss,logged_loss,lr,grad_norm,update_norm,optimizer_step,sample_ids\n0,0,0,1,2.3,2.3,1E-05,1,1,1,17\n", false)]
    [InlineData("notes.txt", "step,loss\n0,1.5\n", false)]
    [InlineData("names.csv", "name,city\nada,london\n", false)]
    [InlineData("empty.csv", "", false)]
    public void Recognises_delimited_text_with_numbers_by_extension_but_not_telemetry_steps(string name, string head, bool expected) =>
        Assert.Equal(expected, CsvReader.Default.Recognises(name, Encoding.UTF8.GetBytes(head)));

    [Fact]
    public void Recognises_the_fixtures_through_the_file_head()
    {
        foreach (var path in new[]
        {
            TempFolder.Fixture("lightning-csvlogger", "metrics.csv"),
            TempFolder.Fixture("csv-wandb", "wandb_export.csv"),
            TempFolder.Fixture("csv-plain", "loss.csv"),
        })
        {
            Assert.True(CsvReader.Default.Recognises(path, FileHead.Read(path)), path);
        }
    }

    [Fact]
    public void Reader_is_a_stateless_singleton_with_format_id_csv()
    {
        Assert.Same(CsvReader.Default, CsvReader.Default);
        Assert.Equal("csv", CsvReader.Default.Format);
        Assert.Equal("/x/y.csv", CsvReader.Default.GroupKey("/x/y.csv"));
    }
}
