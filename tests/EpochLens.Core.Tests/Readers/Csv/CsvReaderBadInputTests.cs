using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>The damaged and odd inputs of issue 3 that a CSV can have.</summary>
public sealed class CsvReaderBadInputTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (TrainingLog Log, ProblemLog Problems) Read(string text, ReadOptions? options = null, string name = "log.csv") =>
        ReadFile(_temp.Write(name, text), options);

    private static (TrainingLog Log, ProblemLog Problems) ReadFile(string path, ReadOptions? options)
    {
        var problems = new ProblemLog();
        var logs = CsvReader.Default.Read(LogSource.OfFile(path), options ?? ReadOptions.Default, problems);
        return (Assert.Single(logs), problems);
    }

    [Fact]
    public void Empty_file_cannot_be_read()
    {
        var e = Assert.Throws<LogReadException>(() => Read(""));
        Assert.Contains("empty file", e.Problem, StringComparison.Ordinal);
        Assert.Throws<LogReadException>(() => Read("\n\r\n  \n"));
    }

    [Fact]
    public void Header_without_rows_cannot_be_read_and_says_so()
    {
        var e = Assert.Throws<LogReadException>(() => Read("epoch,step,train_loss_step,val_loss\n"));
        Assert.Contains("no data rows", e.Problem, StringComparison.Ordinal);
        Assert.EndsWith("log.csv", e.File, StringComparison.Ordinal);
    }

    [Fact]
    public void Nan_and_infinite_values_are_kept_and_flagged_once_per_series_with_a_count()
    {
        var (log, problems) = Read("step,loss\n0,nan\n1,NaN\n2,inf\n3,-inf\n4,Infinity\n5,-Infinity\n6,0.5\n");
        var values = log.Find("loss")!.Values.ToArray();
        Assert.Equal(7, values.Length);
        Assert.True(double.IsNaN(values[0]) && double.IsNaN(values[1]));
        Assert.Equal([double.PositiveInfinity, double.NegativeInfinity, double.PositiveInfinity, double.NegativeInfinity, 0.5], values[2..]);
        var flag = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.NonFinite, flag.Kind);
        Assert.Contains("6 NaN or infinite", flag.Message, StringComparison.Ordinal);
        Assert.Equal("line 2", flag.Location);
    }

    [Fact]
    public void Non_numeric_value_is_reported_with_its_line_and_only_that_cell_is_skipped()
    {
        var (log, problems) = Read("step,loss,lr\n0,0.5,0.1\n1,oops,0.1\n2,0.3,0.1\n");
        Assert.Equal([0L, 2], log.Find("loss")!.Steps.ToArray());
        Assert.Equal([0L, 1, 2], log.Find("lr")!.Steps.ToArray());
        var bad = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.BadValue, bad.Kind);
        Assert.StartsWith("line 3, byte ", bad.Location, StringComparison.Ordinal);
        Assert.Contains("'oops'", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bad_step_skips_the_row()
    {
        var (log, problems) = Read("step,loss\n0,0.5\nx,0.4\n2,0.3\n");
        Assert.Equal([0L, 2], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(1, problems.Count(ProblemKind.BadValue));
    }

    [Fact]
    public void Ragged_rows_are_reported_with_line_numbers_and_read_as_far_as_they_go()
    {
        var (log, problems) = Read("step,loss,acc\n0,0.5,0.1\n1,0.4\n2,0.3,0.2,99\n3,0.2,0.3\n");
        Assert.Equal([0L, 1, 2, 3], log.Find("loss")!.Steps.ToArray());
        Assert.Equal([0L, 2, 3], log.Find("acc")!.Steps.ToArray());
        var ragged = problems.Kept.Where(p => p.Kind == ProblemKind.RaggedRow).Select(p => p.Location.Split(',')[0]).ToList();
        Assert.Equal(["line 3", "line 4"], ragged);
    }

    [Fact]
    public void Cut_off_last_line_is_reported_as_truncated_and_what_is_there_is_kept()
    {
        var (log, problems) = Read("step,loss,acc\n0,0.5,0.1\n1,0.4");
        Assert.Equal([0L, 1], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(ProblemKind.Truncated, Assert.Single(problems.Kept).Kind);
    }

    [Fact]
    public void Steps_going_back_are_read_as_a_resumed_run_and_reported_with_the_line()
    {
        var (log, problems) = Read("step,loss\n0,1\n1,1\n2,1\n3,1\n2,2\n3,2\n4,2\n");
        var loss = log.Find("loss")!;
        Assert.Equal([0L, 1, 2, 3, 4], loss.Steps.ToArray());
        Assert.Equal([1.0, 1, 2, 2, 2], loss.Values.ToArray());
        var back = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.StepsWentBack, back.Kind);
        Assert.StartsWith("line 6,", back.Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_steps_keep_the_later_value_and_are_reported()
    {
        var (log, problems) = Read("step,loss\n0,1\n1,1\n1,3\n2,1\n");
        Assert.Equal([1.0, 3, 1], log.Find("loss")!.Values.ToArray());
        Assert.StartsWith("line 4,", Assert.Single(problems.Kept, p => p.Kind == ProblemKind.DuplicateStep).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Non_utf8_bytes_are_an_encoding_problem_not_a_crash()
    {
        var bytes = Encoding.UTF8.GetBytes("step,loss\n0,0.5\n1,0.4\n").Concat(new byte[] { 0xff, 0xfe, (byte)',', (byte)'1', (byte)'\n' })
            .Concat(Encoding.UTF8.GetBytes("3,0.2\n")).ToArray();
        var (log, problems) = ReadFile(_temp.Write("latin.csv", bytes), null);
        Assert.Equal([0L, 1, 3], log.Find("loss")!.Steps.ToArray());
        Assert.StartsWith("line 4,", Assert.Single(problems.Kept, p => p.Kind == ProblemKind.Encoding).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Unbalanced_quote_is_malformed_and_stays_on_its_line()
    {
        var (log, problems) = Read("step,loss\n0,\"0.5\n1,0.4\n");
        Assert.Equal([0.5, 0.4], log.Find("loss")!.Values.ToArray());
        Assert.StartsWith("line 2,", Assert.Single(problems.Kept).Location, StringComparison.Ordinal);
    }

    [Fact]
    public void Strict_reading_fails_on_the_first_damage_with_its_line()
    {
        var e = Assert.Throws<LogReadException>(() => Read("step,loss\n0,0.5\n1,bad\n", ReadOptions.Default with { Strict = true }));
        Assert.Contains("line 3", e.Problem, StringComparison.Ordinal);
        Assert.Contains("'bad'", e.Problem, StringComparison.Ordinal);
        var (log, _) = Read("step,loss\n0,nan\n0,0.5\n", ReadOptions.Default with { Strict = true });
        Assert.Equal(1, log.Find("loss")!.Count);
    }

    [Fact]
    public void Gzip_bomb_stops_at_the_size_limit_and_keeps_the_complete_rows_before_it()
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < 100_000; i++)
        {
            text.Append(i).Append(",0.25\n");
        }

        var path = _temp.Write("bomb.csv.gz", TempFolder.Gzip(Encoding.ASCII.GetBytes(text.ToString())));
        var (log, problems) = ReadFile(path, ReadOptions.Default with { MaxDecompressedBytes = 10_000 });
        var loss = log.Find("loss")!;
        Assert.InRange(loss.Count, 1000, 1200);
        Assert.Equal(Enumerable.Range(0, loss.Count).Select(i => (long)i), loss.Steps.ToArray());
        Assert.All(loss.Values.ToArray(), v => Assert.Equal(0.25, v));
        Assert.Equal(ProblemKind.LimitReached, Assert.Single(problems.Kept).Kind);
    }

    [Fact]
    public void Cut_gzip_file_keeps_the_rows_before_the_cut()
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < 20_000; i++)
        {
            text.Append(i).Append(",0.5\n");
        }

        var gz = TempFolder.Gzip(Encoding.ASCII.GetBytes(text.ToString()));
        var (log, problems) = ReadFile(_temp.Write("cut.csv.gz", gz[..(gz.Length / 2)]), null);
        var loss = log.Find("loss")!;
        Assert.InRange(loss.Count, 1, 19_999);
        Assert.Equal(Enumerable.Range(0, loss.Count).Select(i => (long)i), loss.Steps.ToArray());
        Assert.True(problems.Count(ProblemKind.Truncated) <= 1);
    }

    [Fact]
    public void Missing_file_is_a_read_exception_naming_it()
    {
        var missing = Path.Combine(_temp.Path, "nope.csv");
        var e = Assert.Throws<LogReadException>(() => CsvReader.Default.Read(LogSource.OfFile(missing), ReadOptions.Default, new ProblemLog()));
        Assert.Equal(missing, e.File);
    }

    [Fact]
    public void Binary_garbage_read_as_csv_gives_problems_not_an_exception()
    {
        var random = new Random(5);
        var bytes = new byte[50_000];
        random.NextBytes(bytes);
        bytes[0] = (byte)'a';
        var problems = new ProblemLog();

        var logs = CsvReader.Default.Read(LogSource.OfFile(_temp.Write("garbage.csv", bytes)), ReadOptions.Default, problems);

        // 50 kB of random bytes make a header of garbage names and a few hundred lines that are nearly all damage:
        // each kind reported, none thrown, and what little looks like a row kept.
        Assert.Single(logs);
        Assert.True(problems.Count(ProblemKind.Encoding) > 100, $"{problems.Count(ProblemKind.Encoding)} encoding problems");
        Assert.True(problems.Count(ProblemKind.RaggedRow) > 100, $"{problems.Count(ProblemKind.RaggedRow)} ragged rows");
        Assert.True(problems.Count(ProblemKind.BadValue) > 100, $"{problems.Count(ProblemKind.BadValue)} bad values");
        Assert.All(problems.Kept, p => Assert.Matches(@"^line \d+", p.Location));
    }
}
