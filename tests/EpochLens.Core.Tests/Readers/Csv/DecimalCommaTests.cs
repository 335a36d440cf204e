using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers.Csv;

/// <summary>CSV numbers with a decimal comma, as European spreadsheets save them.</summary>
public sealed class DecimalCommaTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("epochlens-decimal-comma-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double Loss(int t) => Math.Round(1 + (0.5 / (1 + t)) + (0.0007 * (t % 11)), 4);

    private static string Comma(double value) => value.ToString("0.0###", CultureInfo.InvariantCulture).Replace('.', ',');

    [Fact]
    public void Semicolon_separated_cells_with_a_decimal_comma_are_read_with_a_note()
    {
        var text = new StringBuilder("step;loss\n");
        for (int t = 0; t < 300; t++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t};{Comma(Loss(t))}\n");
        }

        var problems = new ProblemLog();
        var loss = Read(Write("comma.csv", text.ToString()), ReadOptions.Default, problems);
        Assert.Equal(Enumerable.Range(0, 300).Select(Loss), loss.Values.ToArray());
        var note = Assert.Single(problems.Kept, p => p.Kind == ProblemKind.Assumed);
        Assert.Contains("decimal comma", note.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(problems.Kept, p => p.Kind == ProblemKind.BadValue);
    }

    [Fact]
    public void Comma_separated_cells_need_the_option_and_say_so_without_it()
    {
        var text = new StringBuilder("step,loss\n");
        for (int t = 0; t < 50; t++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{t},\"{Comma(Loss(t))}\"\n");
        }

        var path = Write("quoted.csv", text.ToString());
        var problems = new ProblemLog();
        var without = DefaultLogReaders.Create().Read(path, ReadOptions.Default, problems).Single().Find(SeriesRole.TrainLoss);
        Assert.True(without is null || without.Count == 0);
        Assert.Contains(problems.Kept, p => p.Kind == ProblemKind.BadValue && p.Message.Contains("give the decimal-comma setting", StringComparison.Ordinal));

        var loss = Read(path, new ReadOptions { DecimalComma = true }, new ProblemLog());
        Assert.Equal(Enumerable.Range(0, 50).Select(Loss), loss.Values.ToArray());
    }

    [Fact]
    public void A_thousands_group_alone_is_not_taken_for_a_decimal()
    {
        var problems = new ProblemLog();
        var path = Write("thousands.csv", "step;loss\n1;1,500\n2;1,400\n3;1,300\n");
        _ = DefaultLogReaders.Create().Read(path, ReadOptions.Default, problems);
        Assert.Equal(3, problems.Kept.Count(p => p.Kind == ProblemKind.BadValue && p.Message.Contains("thousands separator", StringComparison.Ordinal)));
    }

    private static MetricSeries Read(string path, ReadOptions options, ProblemLog problems) =>
        DefaultLogReaders.Create().Read(path, options, problems).Single().Find(SeriesRole.TrainLoss)!;

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }
}
