using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Csv;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>
/// A large plain file's second half is parsed on another core and applied after the first: its rows must come out
/// as a one-pass read gives them, in order, with damage, repeats, restarts and NaN reported on their own lines.
/// </summary>
public sealed class CsvSecondHalfTests : IDisposable
{
    // About 10 MB: past the size from which room is reserved, and so from which the second half is parsed apart.
    private const int Rows = 500_000;

    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Every_row_of_a_large_clean_file_is_read_in_order_with_its_epochs()
    {
        var (log, problems) = Read(Lines());
        var loss = log.Find("loss")!;
        Assert.Equal(Rows, loss.Count);
        Assert.Equal(Enumerable.Range(0, Rows).Select(i => (long)i), loss.Steps.ToArray());
        Assert.Equal(Enumerable.Range(0, Rows).Select(Loss), loss.Values.ToArray());
        Assert.Equal(Rows / 1000, log.Epochs!.EpochStartSteps!.Count);
        Assert.Equal(1000, log.Epochs.StepsPerEpoch);
        Assert.Equal(0, problems.Total);
    }

    [Theory]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void A_bad_cell_late_in_the_file_is_reported_on_its_line_and_byte_and_the_rows_after_it_are_read(string lineEnd)
    {
        var lines = Lines();
        int bad = Rows - 1000;
        lines[bad + 1] = $"{bad},{bad / 1000},oops";
        string text = string.Join(lineEnd, lines) + lineEnd;
        var (log, problems) = Read(lines, lineEnd);
        long offset = Encoding.UTF8.GetByteCount(string.Join(lineEnd, lines.Take(bad + 1)) + lineEnd);
        var problem = Assert.Single(problems.Kept);
        Assert.Equal($"line {bad + 2}, byte {offset}", problem.Location);
        Assert.Equal(ProblemKind.BadValue, problem.Kind);
        Assert.Equal(Rows - 1, log.Find("loss")!.Count);
        Assert.Equal(Loss(Rows - 1), log.Find("loss")!.Values[^1]);
        Assert.True(text.Length > 8 << 20);
    }

    [Fact]
    public void A_repeated_step_a_restart_and_NaN_late_in_the_file_are_reported_on_their_own_lines()
    {
        var lines = Lines();
        int nan = Rows - 3000, repeat = Rows - 2000, restart = Rows - 1000;
        lines[nan + 1] = $"{nan},{nan / 1000},nan";
        lines[repeat + 1] = $"{repeat - 1},{repeat / 1000},{Format(Loss(repeat))}";
        lines[restart + 1] = $"{restart - 500},{restart / 1000},{Format(Loss(restart))}";
        var (log, problems) = Read(lines);
        var byKind = problems.Kept.Where(p => p.Message.Contains("'loss'")).ToDictionary(p => p.Kind, p => p.Location);
        Assert.StartsWith($"line {nan + 2}", byKind[ProblemKind.NonFinite]);
        Assert.StartsWith($"line {repeat + 2}, byte", byKind[ProblemKind.DuplicateStep]);
        Assert.StartsWith($"line {restart + 2}, byte", byKind[ProblemKind.StepsWentBack]);

        // The restart supersedes the 500 steps from its own on; the repeated step replaced one point.
        var loss = log.Find("loss")!;
        Assert.Equal(Rows - 1 - 500, loss.Count);
        Assert.Equal(Rows - 1, loss.Steps[^1]);
        Assert.Equal(Loss(repeat), loss.Values[repeat - 1]);
        Assert.True(double.IsNaN(loss.Values[nan]));
    }

    [Fact]
    public void A_blank_line_and_a_short_row_late_in_the_file_are_skipped_and_reported_and_the_rest_is_read()
    {
        var lines = Lines();
        int blank = Rows - 2000, ragged = Rows - 1000;
        lines[blank + 1] = "";
        lines[ragged + 1] = $"{ragged},{ragged / 1000}";
        var (log, problems) = Read(lines);
        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.RaggedRow, problem.Kind);
        Assert.StartsWith($"line {ragged + 2}, byte", problem.Location);
        Assert.Equal(Rows - 2, log.Find("loss")!.Count);
        Assert.Equal(Rows - 1, log.Find(SeriesRole.Epoch)!.Count);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    public void Damage_anywhere_in_a_large_file_reads_as_the_one_pass_read_of_its_gzip_copy_reads_it(int seed)
    {
        // A gzip file is read in one pass; the plain file, in two parts. Each damage lands in either part.
        var random = new Random(seed);
        var lines = Lines();
        string[] damage = ["", "{0},{1}", "{0},{1},x", "{0},{1},nan", "{2},{1},0.5", "{0}.5,{1},0.5", "{0},{1},0.5,9", "{0};{1};0.5",
            "{0},{1},", "{0},,0.5", "{0}, ,0.5", ",{1},0.5"];
        for (int k = 0; k < 16; k++)
        {
            int row = random.Next(1, Rows);
            lines[row + 1] = string.Format(CultureInfo.InvariantCulture, damage[random.Next(damage.Length)], row, row / 1000, row - random.Next(1, 3000));
        }

        string lineEnd = seed % 2 == 0 ? "\r\n" : "\n";
        var bytes = Encoding.UTF8.GetBytes(string.Join(lineEnd, lines) + lineEnd);
        var plain = ReadAll(_temp.Write("large.csv", bytes));
        var gzip = ReadAll(_temp.Write("large.csv.gz", TempFolder.Gzip(bytes)));
        Assert.Equal(gzip.Series, plain.Series);
        Assert.Equal(gzip.Problems, plain.Problems);
        Assert.NotEmpty(plain.Problems);
    }

    private static (List<string> Series, List<string> Problems) ReadAll(string path)
    {
        var problems = new ProblemLog(keepPerKindAndFile: 1000);
        var log = Assert.Single(CsvReader.Default.Read(LogSource.OfFile(path), ReadOptions.Default, problems));
        var series = log.Series.Select(s => $"{s.Name} {s.Role}: {string.Join(' ', s.Steps.ToArray())} | {string.Join(' ', s.Values.ToArray())}")
            .Append($"epochs {log.Epochs?.StepsPerEpoch} {string.Join(' ', log.Epochs?.EpochStartSteps ?? [])}").ToList();
        return (series, [.. problems.Kept.Select(p => $"{p.Location} {p.Kind} {p.Message}")]);
    }

    private static double Loss(int i) => Math.Round(2.0 / (1 + (i / 50_000.0)) + (0.01 * (i % 7)), 6);

    private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static List<string> Lines() =>
        ["step,epoch,loss", .. Enumerable.Range(0, Rows).Select(i => $"{i},{i / 1000},{Format(Loss(i))}")];

    private (TrainingLog Log, ProblemLog Problems) Read(List<string> lines, string lineEnd = "\n")
    {
        var problems = new ProblemLog();
        var path = _temp.Write("large.csv", string.Join(lineEnd, lines) + lineEnd);
        Assert.True(new FileInfo(path).Length > 8 << 20);
        var logs = CsvReader.Default.Read(LogSource.OfFile(path), ReadOptions.Default, problems);
        return (Assert.Single(logs), problems);
    }
}
