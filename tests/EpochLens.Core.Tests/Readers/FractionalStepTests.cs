using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

/// <summary>
/// Steps with a fraction (some loggers mark half epochs as steps) are read, not dropped in silence (issue 15): a
/// column that counts so is scaled to whole steps, or read by row order when no scale fits, with a note; a few
/// stray ones are damage, skipped with one problem that counts them. CSV and JSON Lines behave alike. Every test
/// reads through <see cref="LogReader"/>, the public entry point.
/// </summary>
public sealed class FractionalStepTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-fractional-step-tests", Guid.NewGuid().ToString("N"));

    public FractionalStepTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double Loss(int i) => 2 + Math.Sin(i / 9.0);

    private string Write(string name, IEnumerable<string> steps)
    {
        bool csv = name.EndsWith(".csv", StringComparison.Ordinal);
        var text = new StringBuilder(csv ? "step,loss\n" : "");
        int i = 0;
        foreach (var step in steps)
        {
            text.Append(csv
                ? string.Create(CultureInfo.InvariantCulture, $"{step},{Loss(i):R}\n")
                : string.Create(CultureInfo.InvariantCulture, $"{{\"step\": {step}, \"loss\": {Loss(i):R}}}\n"));
            i++;
        }

        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text.ToString());
        return path;
    }

    private static (MetricSeries Loss, ProblemLog Problems) Read(string path, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        var log = Assert.Single(DefaultLogReaders.Create().Read(path, options ?? ReadOptions.Default, problems));
        return (log.Series.Single(s => s.Name == "loss"), problems);
    }

    /// <summary>Half-epoch marks as Python writes floats: 0.0, 0.5, 1.0, ...</summary>
    private static IEnumerable<string> Halves(int count) =>
        Enumerable.Range(0, count).Select(i => (i * 0.5).ToString("0.0##", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("halves.csv", "line 3")]
    [InlineData("halves.jsonl", "line 2")]
    public void Half_epoch_marks_are_read_times_ten_with_a_note(string name, string line)
    {
        var path = Write(name, Halves(400));

        var (loss, problems) = Read(path);

        Assert.Equal(Enumerable.Range(0, 400).Select(i => 5L * i), loss.Steps.ToArray());
        var note = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Assumed, note.Kind);
        Assert.Equal(path, note.File);
        Assert.StartsWith(line, note.Location, StringComparison.Ordinal); // the first fractional step, 0.5
        Assert.Contains("200 of 400 rows", note.Message, StringComparison.Ordinal);
        Assert.Contains("x10 as a whole number ('0.5' is step 5)", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mixed.csv")]
    [InlineData("mixed.jsonl")]
    public void Whole_steps_written_without_a_point_are_scaled_with_the_fractional_ones(string name)
    {
        // "1" beside "0.5": the plain digits must be scaled too, not read as step 1 on a fast path.
        var steps = Enumerable.Range(1, 400).Select(i => i % 2 == 0 ? (i / 2).ToString(CultureInfo.InvariantCulture) : $"{i / 2}.5");

        var (loss, _) = Read(Write(name, steps));

        Assert.Equal(Enumerable.Range(1, 400).Select(i => 5L * i), loss.Steps.ToArray());
    }

    [Fact]
    public void A_large_csv_of_half_epoch_marks_is_scaled_throughout()
    {
        // Over 8 MB, where clean rows are otherwise parsed on other cores straight into the series.
        const int rows = 400_000;
        var steps = Enumerable.Range(1, rows).Select(i => i % 2 == 0 ? (i / 2).ToString(CultureInfo.InvariantCulture) : $"{i / 2}.5");

        var (loss, problems) = Read(Write("large.csv", steps));

        Assert.Equal(rows, loss.Count);
        for (int i = 0; i < rows; i++)
        {
            if (loss.Steps[i] != 5L * (i + 1))
            {
                Assert.Fail($"point {i}: step {loss.Steps[i]}, expected {5L * (i + 1)}");
            }
        }

        Assert.Equal(ProblemKind.Assumed, Assert.Single(problems.Kept).Kind);
    }

    [Theory]
    [InlineData("thirds.csv")]
    [InlineData("thirds.jsonl")]
    public void Steps_with_more_decimals_than_a_scale_keeps_are_read_by_row_order_with_a_note(string name)
    {
        var steps = Enumerable.Range(0, 300).Select(i => (i / 3.0).ToString("R", CultureInfo.InvariantCulture));

        var (loss, problems) = Read(Write(name, steps));

        Assert.Equal(Enumerable.Range(0, 300).Select(i => (long)i), loss.Steps.ToArray());
        var note = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.Assumed, note.Kind);
        Assert.Contains("the row order (from 0) is the step", note.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("stray.csv", "line 202")]
    [InlineData("stray.jsonl", "line 201")]
    public void A_stray_fractional_step_is_damage_skipped_with_one_problem_that_counts_it(string name, string line)
    {
        // One row in 400 is below the one in a hundred that makes a column of fractions.
        var steps = Enumerable.Range(0, 400).Select(i => i == 200 ? "200.5" : i.ToString(CultureInfo.InvariantCulture));
        var path = Write(name, steps);

        var (loss, problems) = Read(path);

        Assert.Equal(Enumerable.Range(0, 400).Where(i => i != 200).Select(i => (long)i), loss.Steps.ToArray());
        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.BadValue, problem.Kind);
        Assert.StartsWith(line, problem.Location, StringComparison.Ordinal);
        Assert.Contains("1 row(s) have a step with a fraction in 'step' (the first, '200.5', on this line) among 399 whole steps", problem.Message, StringComparison.Ordinal);

        var strict = Assert.Throws<LogReadException>(() => Read(path, ReadOptions.Default with { Strict = true }));
        Assert.Contains(line, strict.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Problems_of_the_first_pass_are_not_reported_twice()
    {
        // A ragged row in a file read twice (its steps have fractions): one problem for it, beside the note.
        var text = new StringBuilder("step,loss\n");
        foreach (var (step, i) in Halves(100).Select((s, i) => (s, i)))
        {
            text.Append(CultureInfo.InvariantCulture, $"{step},{Loss(i):R}{(i == 50 ? ",7" : "")}\n");
        }

        var path = Path.Combine(_folder, "ragged.csv");
        File.WriteAllText(path, text.ToString());

        var (loss, problems) = Read(path);

        Assert.Equal(100, loss.Count);
        Assert.Equal(1, problems.Count(ProblemKind.RaggedRow));
        Assert.Equal(1, problems.Count(ProblemKind.Assumed));
        Assert.Equal(2, problems.Total);
    }
}
