using System.Text;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>Rows as Sep splits them: exact steps, where problems are, and a quote left open.</summary>
public sealed class CsvReaderRowTests : IDisposable
{
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    private (EpochLens.Logs.TrainingLog Log, ProblemLog Problems) Read(string text, string name = "log.csv")
    {
        var problems = new ProblemLog();
        var logs = CsvReader.Default.Read(LogSource.OfFile(_temp.Write(name, text)), ReadOptions.Default, problems);
        return (Assert.Single(logs), problems);
    }

    [Fact]
    public void Integer_steps_are_read_exactly_as_64_bit_integers_and_float_spellings_of_whole_numbers_still_count()
    {
        var (log, problems) = Read("step,loss\n12.0,1\n1e3,1\n4611686018427387904,1\n4611686018427387905,1\n9223372036854775807,1\n");
        Assert.Equal([12L, 1000, 4611686018427387904, 4611686018427387905, long.MaxValue], log.Find("loss")!.Steps.ToArray());
        Assert.Equal(0, problems.Total);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    [InlineData("\r")]
    public void A_problem_names_its_line_and_the_byte_where_the_line_starts(string lineEnd)
    {
        var (_, problems) = Read(string.Join(lineEnd, "step,loss", "0,0.5", "1,0.4", "2,oops", "3,0.3") + lineEnd);
        int offset = ("step,loss" + lineEnd + "0,0.5" + lineEnd + "1,0.4" + lineEnd).Length;
        Assert.Equal($"line 4, byte {offset}", Assert.Single(problems.Kept).Location);
    }

    [Fact]
    public void A_quote_left_open_costs_only_its_own_line_however_many_lines_follow()
    {
        var text = new StringBuilder("step,loss\n0,0.5\n1,\"0.4\n");
        for (int i = 2; i < 5000; i++)
        {
            text.Append(i).Append(",0.25\n");
        }

        var (log, problems) = Read(text.ToString());
        var loss = log.Find("loss")!;
        Assert.Equal(5000, loss.Count);
        Assert.Equal(0.4, loss.Values[1]);
        var quote = Assert.Single(problems.Kept);
        Assert.Equal((ProblemKind.Malformed, "line 3, byte 16"), (quote.Kind, quote.Location));
    }

    [Fact]
    public void A_ragged_last_line_with_a_line_break_is_ragged_not_cut_off()
    {
        var (_, problems) = Read("step,loss,acc\n0,0.5,0.1\n1,0.4\n");
        Assert.Equal(ProblemKind.RaggedRow, Assert.Single(problems.Kept).Kind);
    }

    [Theory]
    [InlineData(10_003)]
    [InlineData(10_007)]
    [InlineData(10_011)]
    public void A_gzip_file_stopped_at_its_size_limit_keeps_whole_rows_only_never_half_a_number(long limit)
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < 30_000; i++)
        {
            text.Append(i).Append(",0.123456789\n");
        }

        var path = _temp.Write("bomb.csv.gz", TempFolder.Gzip(Encoding.ASCII.GetBytes(text.ToString())));
        var problems = new ProblemLog();
        var logs = CsvReader.Default.Read(LogSource.OfFile(path), ReadOptions.Default with { MaxDecompressedBytes = limit }, problems);

        var loss = Assert.Single(logs).Find("loss")!;
        Assert.InRange(loss.Count, 600, 800);
        Assert.All(loss.Values.ToArray(), v => Assert.Equal(0.123456789, v));
        Assert.Equal(ProblemKind.LimitReached, Assert.Single(problems.Kept).Kind);
    }
}
