using System.IO.Compression;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Text;

namespace EpochLens.Core.Tests.Readers.Text;

/// <summary>Damaged and hostile printed logs: each problem names the file and line, and what can be read is still read.</summary>
public sealed class TextLogBadInputTests : IDisposable
{
    private readonly TextLogs _logs = new();

    public void Dispose() => _logs.Dispose();

    private static string Line(int e, int p, string loss) => $"epoch {e} step {p}/4 loss={loss} lr=0.1\n";

    private static string Good(int epochs = 2) =>
        TextLogs.Lines(Enumerable.Range(1, epochs), Enumerable.Range(1, 4), (e, p) => Line(e, p, TextLogs.Loss(e, p)).TrimEnd('\n'));

    [Fact]
    public void Empty_file_is_a_read_error_naming_the_file()
    {
        var path = _logs.Write("empty.log", "");

        var error = Assert.Throws<LogReadException>(() => _logs.Read(path));

        Assert.Equal(path, error.File);
        Assert.False(TextLogReader.Default.Recognises(path, []));
    }

    [Fact]
    public void A_loss_that_is_not_a_number_is_reported_with_its_line_and_the_rest_is_read()
    {
        var path = _logs.Write("bad.log", Line(1, 1, "0.5") + Line(1, 2, "abc") + Line(1, 3, "0.3"));

        var log = _logs.ReadOne(path);

        Assert.Equal([1L, 3], log.Find(SeriesRole.TrainLoss)!.Steps.ToArray());
        var problem = Assert.Single(_logs.Problems.Kept, p => p.Kind == ProblemKind.BadValue);
        Assert.Equal(path, problem.File);
        Assert.Equal("line 2, byte 33", problem.Location);
        Assert.Contains("'loss' is not followed by a number", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_reading_fails_on_the_first_damaged_line()
    {
        var path = _logs.Write("bad.log", Line(1, 1, "0.5") + Line(1, 2, "abc"));

        var error = Assert.Throws<LogReadException>(() => _logs.Read(path, new ReadOptions { Strict = true }));

        Assert.Contains("line 2", error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_and_infinite_losses_are_kept_and_flagged()
    {
        var path = _logs.Write("nan.log", Line(1, 1, "nan") + Line(1, 2, "inf") + Line(1, 3, "0.3"));

        var loss = _logs.ReadOne(path, new ReadOptions { Strict = true }).Find(SeriesRole.TrainLoss)!;

        Assert.Equal(3, loss.Count);
        Assert.True(double.IsNaN(loss.Values[0]));
        Assert.True(double.IsPositiveInfinity(loss.Values[1]));
        Assert.Equal(1, _logs.Problems.Count(ProblemKind.NonFinite));
    }

    [Fact]
    public void An_overlong_line_and_binary_junk_are_skipped_and_reported()
    {
        var junk = new byte[300];
        new Random(5).NextBytes(junk);
        var bytes = new List<byte>();
        bytes.AddRange(Encoding.UTF8.GetBytes(Line(1, 1, "0.5")));
        bytes.AddRange(Encoding.UTF8.GetBytes("epoch 1 step 2/4 loss=0.4 " + new string('x', 70_000) + "\n"));
        bytes.AddRange(junk);
        bytes.Add((byte)'\n');
        bytes.AddRange(Encoding.UTF8.GetBytes(Line(1, 3, "0.3") + Line(1, 4, "0.2")));
        var path = _logs.Write("junk.log", "");
        File.WriteAllBytes(path, [.. bytes]);

        var log = _logs.ReadOne(path);

        Assert.Equal([1L, 3, 4], log.Find(SeriesRole.TrainLoss)!.Steps.ToArray());
        Assert.Contains(_logs.Problems.Kept, p => p.Kind == ProblemKind.Malformed && p.Location.StartsWith("line 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Labels_and_line_shapes_are_bounded()
    {
        var text = new StringBuilder();
        for (int i = 0; i < 400; i++)
        {
            text.Append($"epoch 1 step {i + 1}/400 loss=0.5 metric_{i}=1.0\n");
        }

        var log = _logs.ReadOne(_logs.Write("wide.log", text.ToString()));

        Assert.True(log.Series.Count <= TextLabelTable.MaxLabels + 1);
        Assert.True(_logs.Problems.Count(ProblemKind.LimitReached) >= 1);
        Assert.True(log.Find(SeriesRole.TrainLoss)!.Count >= TextLogParser.MaxShapes - 1);
    }

    [Fact]
    public void An_epoch_that_goes_back_but_not_to_the_start_is_a_resumed_run_in_the_same_log()
    {
        var text = Good(3) + Line(2, 1, "0.9") + Line(2, 2, "0.8");

        var log = _logs.ReadOne(_logs.Write("resumed.log", text));

        var loss = log.Find(SeriesRole.TrainLoss)!;
        Assert.Equal([1L, 2, 3, 4, 5, 6], loss.Steps.ToArray());
        Assert.Equal(0.8, loss.Values[^1]);
        Assert.Equal(1, _logs.Problems.Count(ProblemKind.StepsWentBack));
    }

    [Fact]
    public void A_gzip_compressed_log_is_read()
    {
        using var memory = new MemoryStream();
        using (var gzip = new GZipStream(memory, CompressionLevel.Fastest, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Good()));
        }

        var path = _logs.Write("train.log.gz", "");
        File.WriteAllBytes(path, memory.ToArray());

        var log = Assert.Single(_logs.Detect(path));

        Assert.Equal("text", log.Format);
        Assert.Equal(8, log.Find(SeriesRole.TrainLoss)!.Count);
    }
}
