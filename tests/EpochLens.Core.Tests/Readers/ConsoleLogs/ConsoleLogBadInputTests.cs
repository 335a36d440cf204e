using System.IO.Compression;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.ConsoleLogs;

namespace EpochLens.Core.Tests.Readers.ConsoleLogs;

/// <summary>Damaged and hostile input for both console-log readers: each case from issue 3 that applies to text logs.</summary>
public sealed class ConsoleLogBadInputTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string> Formats() => ["keras", "mmengine"];

    private static ILogReader Reader(string format) => format == "keras" ? KerasReader.Default : MmEngineReader.Default;

    private static string Mm(int second, int epoch, int position, string loss) =>
        $"2023/05/01 12:00:{second:00} - mmengine - INFO - Epoch(train)  [{epoch}][{position,3}/200]  lr: 2.0000e-02  eta: 0:17:53  time: 0.4567  data_time: 0.0123  memory: 3210  loss: {loss}  loss_cls: 0.5000\n";

    private static string Keras(params string[] lossesPerEpoch)
    {
        var text = new StringBuilder();
        for (int e = 0; e < lossesPerEpoch.Length; e++)
        {
            text.Append($"Epoch {e + 1}/{lossesPerEpoch.Length}\n");
            text.Append($"2/4 [==============>...............] - ETA: 0s - loss: {lossesPerEpoch[e]}\n");
            text.Append($"4/4 [==============================] - 0s 1ms/step - loss: {lossesPerEpoch[e]}\n");
        }

        return text.ToString();
    }

    private static (IReadOnlyList<TrainingLog> Logs, ProblemLog Problems) Read(string format, string path, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        return (ConsoleFixtures.Read(Reader(format), path, problems, options), problems);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Empty_file_is_a_read_error_naming_the_file(string format)
    {
        var path = _folder.Write("empty.log", "");
        var error = Assert.Throws<LogReadException>(() => Read(format, path));
        Assert.Equal(path, error.File);
        Assert.False(Reader(format).Recognises(path, []));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Wrong_format_is_a_clear_error_that_says_what_was_expected(string format)
    {
        var path = _folder.Write("metrics.csv", "step,loss\n1,0.5\n2,0.4\n");
        Assert.False(ConsoleFixtures.Recognises(Reader(format), path));
        var error = Assert.Throws<LogReadException>(() => Read(format, path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Contains("expected", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Keras_file_cut_inside_a_progress_line_keeps_every_point_before_it()
    {
        var bytes = File.ReadAllBytes(ConsoleFixtures.KerasPath("tf2_steps.log"));
        var path = _folder.Write("cut.log", bytes[..(bytes.Length * 3 / 4)]);
        var (logs, _) = Read("keras", path);
        var loss = Assert.Single(logs).Find(SeriesRole.TrainLoss)!;
        Assert.InRange(loss.Count, 20, 37);
        Assert.Equal(Enumerable.Range(1, loss.Count).Select(i => (long)i), loss.Steps.ToArray());
    }

    [Fact]
    public void Mmengine_file_cut_inside_a_line_header_keeps_earlier_lines_and_reports_the_damage()
    {
        var text = Mm(1, 1, 50, "1.0000") + Mm(2, 1, 100, "0.9000") + "2023/05/01 12:00:03 - mmengine - INFO - Epoch(train)  [1][ 15";
        var (logs, problems) = Read("mmengine", _folder.Write("cut.log", text));
        Assert.Equal([50L, 100], Assert.Single(logs).Find("loss")!.Steps.ToArray());
        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Malformed, problem.Kind);
        Assert.StartsWith("line 3, byte ", problem.Location, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Nan_and_infinite_losses_are_kept_and_reported_once_per_series_with_the_count(string format)
    {
        var text = format == "keras" ? Keras("nan", "inf", "0.5000") : Mm(1, 1, 50, "nan") + Mm(2, 1, 100, "inf") + Mm(3, 1, 150, "-inf") + Mm(4, 1, 200, "0.5000");
        var (logs, problems) = Read(format, _folder.Write("nan.log", text));
        var loss = Assert.Single(logs).Find(SeriesRole.TrainLoss)!;
        Assert.True(double.IsNaN(loss.Values[0]));
        Assert.True(double.IsPositiveInfinity(loss.Values[format == "keras" ? 2 : 1]));
        var nonFinite = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.NonFinite);
        Assert.Contains($"{loss.NonFiniteCount} NaN or infinite values", nonFinite.Message, StringComparison.Ordinal);
        Assert.Equal(format == "keras" ? 4 : 3, loss.NonFiniteCount);
    }

    [Fact]
    public void Keras_epoch_shown_again_supersedes_later_steps_and_is_reported()
    {
        var text = Keras("1.0000", "0.9000", "0.8000") + "Epoch 2/3\n4/4 [==============================] - 0s 1ms/step - loss: 0.7000\n";
        var (logs, problems) = Read("keras", _folder.Write("back.log", text));
        var loss = Assert.Single(logs).Find("loss")!;
        Assert.Equal([2L, 4, 6, 8], loss.Steps.ToArray()); // epoch 3 (steps 10, 12) superseded
        Assert.Equal(0.7, loss.Values[^1]);
        Assert.Equal(1, problems.Count(ProblemKind.StepsWentBack));
        Assert.Contains("line 11", problems.Kept.Single(p => p.Kind == ProblemKind.StepsWentBack).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Mmengine_steps_going_back_and_repeated_lines_are_resolved_and_reported()
    {
        var text = Mm(1, 1, 50, "1.0000") + Mm(2, 2, 50, "0.9000") + Mm(3, 1, 50, "0.8000") + Mm(4, 1, 50, "0.7000");
        var (logs, problems) = Read("mmengine", _folder.Write("back.log", text));
        var loss = Assert.Single(logs).Find("loss")!;
        Assert.Equal([50L], loss.Steps.ToArray());
        Assert.Equal(0.7, loss.Values[0]);
        Assert.Equal(1, problems.Count(ProblemKind.StepsWentBack));
        Assert.Equal(1, problems.Count(ProblemKind.DuplicateStep));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Non_utf8_bytes_are_reported_and_the_rest_is_read(string format)
    {
        var text = Encoding.UTF8.GetBytes(format == "keras" ? Keras("1.0000", "0.9000") : Mm(1, 1, 50, "1.0000") + Mm(2, 1, 100, "0.9000"));
        byte[] bad = [.. "note: caf"u8, 0xE9, 0xFF, (byte)'\n'];
        var path = _folder.Write("latin1.log", [.. bad, .. text]);
        var (logs, problems) = Read(format, path);
        Assert.Equal(format == "keras" ? 4 : 2, Assert.Single(logs).Find("loss")!.Count);
        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Encoding, problem.Kind);
        Assert.Equal("line 1, byte 0", problem.Location);
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Binary_garbage_is_reported_and_skipped(string format)
    {
        var text = format == "keras" ? Keras("1.0000", "0.9000") : Mm(1, 1, 50, "1.0000") + Mm(2, 1, 100, "0.9000");
        var garbage = new byte[3000];
        new Random(7).NextBytes(garbage);
        var bytes = Encoding.UTF8.GetBytes(text);
        int middle = Array.IndexOf(bytes, (byte)'\n') + 1;
        var path = _folder.Write("garbage.log", [.. bytes[..middle], .. garbage, (byte)'\n', .. bytes[middle..]]);
        var (logs, problems) = Read(format, path);
        Assert.Equal(format == "keras" ? 4 : 2, Assert.Single(logs).Find("loss")!.Count);
        Assert.True(problems.Count(ProblemKind.Malformed) + problems.Count(ProblemKind.Encoding) > 0);
    }

    [Fact]
    public void Keras_lines_that_match_only_partly_are_reported_with_their_line()
    {
        var text = "Epoch 1/1\n" +
            "2/4 [====xx====] - ETA: 0s - loss: 1.0000\n" +
            "3/4 [=====>....] - ETA: 0s - loss: abc\n" +
            "3/4 [=====>....] - ETA: 0s - lo$$: 1.0\n" +
            "5/4 [==========] - 0s 1ms/step - loss: 0.5000\n" +
            "4/4 [==========] - 0s 1ms/step - loss: 0.5000\n";
        var (logs, problems) = Read("keras", _folder.Write("partial.log", text));
        Assert.Equal([4L], Assert.Single(logs).Find("loss")!.Steps.ToArray());
        Assert.Equal(1, problems.Count(ProblemKind.BadValue));
        Assert.Equal(3, problems.Count(ProblemKind.Malformed));
        Assert.Equal(["line 2", "line 3", "line 4", "line 5"], problems.Kept.Select(p => p.Location.Split(',')[0]).Order());
    }

    [Fact]
    public void Mmengine_lines_that_match_only_partly_are_reported()
    {
        var text = Mm(1, 1, 50, "1.0000") +
            "2023/05/01 12:00:02 - mmengine - INFO - Epoch(train)  [1][ 100/]  loss: 0.9\n" +
            "2023/05/01 12:00:03 - mmengine - INFO - Epoch(train)  [1][150/200]  ???  loss: 0.8000  loss_cls: x\n";
        var (logs, problems) = Read("mmengine", _folder.Write("partial.log", text));
        Assert.Equal([50L, 150], Assert.Single(logs).Find("loss")!.Steps.ToArray());
        Assert.Equal(2, problems.Count(ProblemKind.Malformed));
        Assert.Equal(1, problems.Count(ProblemKind.BadValue));
    }

    [Fact]
    public void Mmengine_counters_whose_step_would_overflow_are_a_problem_not_a_crash()
    {
        var text = Mm(1, 1, 50, "1.0000")
            + "2023/05/01 12:00:02 - mmengine - INFO - Epoch(train)  [99999999][1/999999999999999]  loss: 0.9000\n";
        var (logs, problems) = Read("mmengine", _folder.Write("overflow.log", text));
        Assert.Equal([50L], Assert.Single(logs).Find("loss")!.Steps.ToArray());
        Assert.Equal(1, problems.Count(ProblemKind.Malformed));
    }

    [Fact]
    public void Keras_progress_whose_step_would_overflow_is_a_problem_not_a_wrapped_step()
    {
        var text = Keras("1.0000") + "Epoch 2000000000/2000000000\n"
            + "9000000000000/9000000000000 [==============================] - 0s 1ms/step - loss: 0.9000\n";
        var (logs, problems) = Read("keras", _folder.Write("overflow.log", text));
        Assert.All(Assert.Single(logs).Find("loss")!.Steps.ToArray(), step => Assert.InRange(step, 1, 4));
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.Malformed && p.Message.Contains("64 bits", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Strict_reading_fails_on_the_first_problem(string format)
    {
        var text = format == "keras" ? Keras("1.0000", "abc") : Mm(1, 1, 50, "1.0000") + Mm(2, 1, 100, "abc");
        var path = _folder.Write("strict.log", text);
        var error = Assert.Throws<LogReadException>(() => Read(format, path, new ReadOptions { Strict = true }));
        Assert.Contains("line", error.Problem, StringComparison.Ordinal);
        Read(format, path); // not strict: read with a problem
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void An_overlong_line_is_skipped_and_reading_goes_on(string format)
    {
        var text = format == "keras" ? Keras("1.0000", "0.9000") : Mm(1, 1, 50, "1.0000") + Mm(2, 1, 100, "0.9000");
        var path = _folder.Write("long.log", new string('x', 200_000) + "\n" + text);
        var (logs, problems) = Read(format, path);
        Assert.Equal(format == "keras" ? 4 : 2, Assert.Single(logs).Find("loss")!.Count);
        Assert.Equal(1, problems.Count(ProblemKind.Malformed));
    }

    [Theory]
    [MemberData(nameof(Formats))]
    public void Gzip_logs_are_read_and_a_gzip_bomb_stops_at_the_limit(string format)
    {
        var text = format == "keras" ? Keras("1.0000", "0.9000") : Mm(1, 1, 50, "1.0000") + Mm(2, 1, 100, "0.9000");
        var padding = new string(' ', 1 << 20) + "\n";
        var path = Path.Combine(_folder.Path, "log.gz");
        using (var gzip = new GZipStream(File.Create(path), CompressionLevel.Optimal))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
            for (int i = 0; i < 64; i++)
            {
                gzip.Write(Encoding.UTF8.GetBytes(padding)); // 64 MiB of blanks: compresses to about 64 KiB
            }
        }

        Assert.True(ConsoleFixtures.Recognises(Reader(format), path));
        var (logs, problems) = Read(format, path, new ReadOptions { MaxDecompressedBytes = 4 << 20 });
        Assert.Equal(format == "keras" ? 4 : 2, Assert.Single(logs).Find("loss")!.Count);
        Assert.Equal(1, problems.Count(ProblemKind.LimitReached));
    }

    [Fact]
    public void A_large_log_is_streamed_and_read_whole()
    {
        const int Epochs = 250, PerEpoch = 200;
        var path = Path.Combine(_folder.Path, "large.log");
        using (var writer = new StreamWriter(path))
        {
            for (int e = 1; e <= Epochs; e++)
            {
                for (int i = 1; i <= PerEpoch; i++)
                {
                    writer.Write(Mm(i % 60, e, i, "0.5000"));
                }
            }
        }

        var (logs, problems) = Read("mmengine", path, new ReadOptions { Metric = "loss" });
        var loss = Assert.Single(Assert.Single(logs).Series);
        Assert.Equal(Epochs * PerEpoch, loss.Count);
        Assert.Equal(1, loss.Averaging.Window);
        Assert.Equal(0, problems.Total);
    }
}
