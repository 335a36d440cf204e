using System.Globalization;
using System.Text;
using EpochLens.Logs;
using EpochLens.Readers;
using EpochLens.Readers.Input;

namespace EpochLens.Core.Tests.Readers;

/// <summary>
/// Steps are 64-bit integers from the file to the series (issue 15): read as doubles, 20,000 rows at steps 2^62+i
/// collapsed into 21 points. Every test reads through <see cref="LogReader"/>, the public entry point, so they hold
/// whatever parser sits behind it.
/// </summary>
public sealed class ExactStepTests : IDisposable
{
    private const long Base = 1L << 62;
    private const int Rows = 20_000;

    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-exact-step-tests", Guid.NewGuid().ToString("N"));

    public ExactStepTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static double Loss(int i) => 2 + Math.Sin(i / 9.0) + ((i * 7919 % 101) / 1000.0);

    private static (IReadOnlyList<TrainingLog> Logs, ProblemLog Problems) Read(string path, ReadOptions? options = null)
    {
        var problems = new ProblemLog();
        var logs = DefaultLogReaders.Create().Read(path, options ?? ReadOptions.Default, problems);
        return (logs, problems);
    }

    private static void AssertSteps(MetricSeries series, Func<int, long> step, int count)
    {
        Assert.Equal(count, series.Count);
        for (int i = 0; i < count; i++)
        {
            if (series.Steps[i] != step(i))
            {
                Assert.Fail($"point {i}: step {series.Steps[i]}, expected {step(i)}");
            }
        }
    }

    private string Csv(string name, Func<int, long> step, int rows)
    {
        var text = new StringBuilder("step,loss\n");
        for (int i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{step(i)},{Loss(i):R}\n");
        }

        return Write(name, text.ToString());
    }

    private string JsonLines(string name, Func<int, long> step, int rows)
    {
        var text = new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{{\"step\": {step(i)}, \"loss\": {Loss(i):R}}}\n");
        }

        return Write(name, text.ToString());
    }

    [Theory]
    [InlineData(Base)]
    [InlineData(-Base)]
    [InlineData(long.MaxValue - Rows + 1)]
    [InlineData(long.MinValue)]
    public void Csv_rows_at_19_digit_steps_read_as_one_point_each_with_exact_steps(long first)
    {
        var (logs, problems) = Read(Csv("steps.csv", i => first + i, Rows));

        AssertSteps(Assert.Single(Assert.Single(logs).Series), i => first + i, Rows);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void A_large_csv_at_steps_2_to_the_62_plus_i_reads_exactly_on_the_parallel_path()
    {
        // Over 8 MB: the second half is parsed on another core straight into the series.
        const int rows = 400_000;
        var (logs, problems) = Read(Csv("large.csv", i => Base + i, rows));

        AssertSteps(Assert.Single(Assert.Single(logs).Series), i => Base + i, rows);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void Json_lines_at_steps_2_to_the_62_plus_i_read_as_20000_points_with_exact_steps()
    {
        var (logs, problems) = Read(JsonLines("steps.jsonl", i => Base + i, Rows));

        AssertSteps(Assert.Single(Assert.Single(logs).Series, s => s.Name == "loss"), i => Base + i, Rows);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void A_json_document_at_steps_2_to_the_62_plus_i_reads_exact_steps()
    {
        var text = new StringBuilder("[");
        for (int i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{{\"step\": {Base + i}, \"loss\": {Loss(i):R}}}");
        }

        var (logs, _) = Read(Write("steps.json", text.Append(']').ToString()));

        AssertSteps(Assert.Single(Assert.Single(logs).Series, s => s.Name == "loss"), i => Base + i, Rows);
    }

    [Fact]
    public void A_trainer_state_at_steps_2_to_the_62_plus_i_reads_exact_steps()
    {
        var text = new StringBuilder("{\"log_history\": [");
        for (int i = 0; i < Rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"{(i > 0 ? "," : "")}{{\"epoch\": 0.5, \"loss\": {Loss(i):R}, \"step\": {Base + i}}}");
        }

        var (logs, _) = Read(Write("checkpoint-1/trainer_state.json", text.Append("]}").ToString()));

        AssertSteps(Assert.Single(Assert.Single(logs).Series, s => s.Name == "loss"), i => Base + i, Rows);
    }

    /// <summary>An MLflow file store with one metric "loss" of "timestamp value step" lines.</summary>
    private string MlflowRun(Func<int, string> step, int rows)
    {
        var run = Path.Combine(_folder, "mlruns", "0", "abc");
        Directory.CreateDirectory(Path.Combine(run, "metrics"));
        File.WriteAllText(Path.Combine(run, "meta.yaml"), "run_id: abc\n");
        var text = new StringBuilder();
        for (int i = 0; i < rows; i++)
        {
            text.Append(CultureInfo.InvariantCulture, $"1700000000000 {Loss(i):R} {step(i)}\n");
        }

        File.WriteAllText(Path.Combine(run, "metrics", "loss"), text.ToString());
        return Path.Combine(_folder, "mlruns");
    }

    [Fact]
    public void An_mlflow_run_at_steps_2_to_the_62_plus_i_reads_exact_steps()
    {
        var (logs, problems) = Read(MlflowRun(i => (Base + i).ToString(CultureInfo.InvariantCulture), Rows));

        AssertSteps(Assert.Single(Assert.Single(logs).Series), i => Base + i, Rows);
        Assert.Equal(0, problems.Total);
    }

    [Fact]
    public void An_mlflow_step_beyond_the_64_bit_range_is_a_problem_naming_its_file_and_line()
    {
        var (logs, problems) = Read(MlflowRun(i => i == 1 ? "9223372036854775808" : i.ToString(CultureInfo.InvariantCulture), 3));

        var problem = Assert.Single(problems.Kept);
        Assert.EndsWith(Path.Combine("metrics", "loss"), problem.File, StringComparison.Ordinal);
        Assert.Contains("line 2", problem.Location, StringComparison.Ordinal);
        Assert.Contains("beyond the 64-bit step range", problem.Message, StringComparison.Ordinal);
        Assert.Equal([0L, 2L], Assert.Single(Assert.Single(logs).Series).Steps.ToArray());
    }

    [Fact]
    public void An_mmengine_step_that_is_not_a_whole_64_bit_number_is_a_problem_not_a_silent_skip()
    {
        // MMEngine's scalars.json writes whole steps; a string step once threw from JsonElement.TryGetInt64.
        var text = new StringBuilder();
        for (int i = 0; i < 6; i++)
        {
            string step = i switch { 2 => "2.5", 3 => "9223372036854775808", 4 => "\"four\"", _ => $"{Base + i}" };
            text.Append(CultureInfo.InvariantCulture, $"{{\"loss\": {Loss(i):R}, \"step\": {step}}}\n");
        }

        var (logs, problems) = Read(Write("vis_data/scalars.json", text.ToString()));

        // Lines without the training keys (lr, iter) are MMEngine's validation results: one held-out series.
        Assert.Equal([Base, Base + 1, Base + 5], Assert.Single(Assert.Single(logs).Series).Steps.ToArray());
        Assert.Equal(3, problems.Count(ProblemKind.BadValue));
        Assert.All(problems.Kept, p => Assert.Contains("is not a whole 64-bit number", p.Message, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("steps.csv", "step,loss\n0,1.5\n9223372036854775808,1.4\n2,1.3\n", "line 3")]
    [InlineData("steps.csv", "step,loss\n0,1.5\n-9223372036854775809,1.4\n2,1.3\n", "line 3")]
    [InlineData("steps.csv", "step,loss\n0,1.5\n1e19,1.4\n2,1.3\n", "line 3")]
    [InlineData("steps.jsonl", "{\"step\": 0, \"loss\": 1.5}\n{\"step\": 9223372036854775808, \"loss\": 1.4}\n{\"step\": 2, \"loss\": 1.3}\n", "line 2")]
    [InlineData("steps.jsonl", "{\"step\": 0, \"loss\": 1.5}\n{\"step\": 123456789012345678901234567890, \"loss\": 1.4}\n{\"step\": 2, \"loss\": 1.3}\n", "line 2")]
    public void A_step_beyond_the_64_bit_range_is_a_problem_naming_file_and_line(string name, string content, string line)
    {
        var path = Write(name, content);

        var (logs, problems) = Read(path);

        var problem = Assert.Single(problems.Kept);
        Assert.Equal(ProblemKind.BadValue, problem.Kind);
        Assert.Equal(path, problem.File);
        Assert.StartsWith(line, problem.Location, StringComparison.Ordinal);
        Assert.Contains("beyond the 64-bit step range", problem.Message, StringComparison.Ordinal);
        Assert.Equal([0L, 2L], Assert.Single(logs).Series.Single(s => s.Name == "loss").Steps.ToArray());
    }

    [Theory]
    [InlineData("steps.csv", "step,loss\n1.0e3,1.5\n12.0,1.4\n")]
    [InlineData("steps.csv", "step,loss\n1000,1.5\n12,1.4\n")]
    [InlineData("steps.jsonl", "{\"step\": 1.0e3, \"loss\": 1.5}\n{\"step\": 12.0, \"loss\": 1.4}\n")]
    public void Whole_steps_written_as_floats_still_read(string name, string content)
    {
        // Steps going back (1000 then 12) mean a resumed run: the later point supersedes, so only step 12 stays.
        var (logs, _) = Read(Write(name, content));

        Assert.Equal([12L], Assert.Single(logs).Series.Single(s => s.Name == "loss").Steps.ToArray());
    }

    [Theory]
    [InlineData("0", "Whole", 0L)]
    [InlineData("-0.000", "Whole", 0L)]
    [InlineData("12", "Whole", 12L)]
    [InlineData("+12", "Whole", 12L)]
    [InlineData("12.0", "Whole", 12L)]
    [InlineData("1.0e3", "Whole", 1000L)]
    [InlineData("1.25E2", "Whole", 125L)]
    [InlineData("12500e-2", "Whole", 125L)]
    [InlineData("4611686018427387904", "Whole", 4611686018427387904L)]
    [InlineData("4611686018427387905.000", "Whole", 4611686018427387905L)]
    [InlineData("9223372036854775807", "Whole", long.MaxValue)]
    [InlineData("-9223372036854775808", "Whole", long.MinValue)]
    [InlineData("00000000000000000000000000042", "Whole", 42L)]
    [InlineData("92233720368547758070e-1", "Whole", long.MaxValue)]
    [InlineData("9223372036854775808", "OutOfRange", 0L)]
    [InlineData("-9223372036854775809", "OutOfRange", 0L)]
    [InlineData("1e19", "OutOfRange", 0L)]
    [InlineData("1e99999999999", "OutOfRange", 0L)]
    [InlineData("0.5", "Fractional", 0L)]
    [InlineData("1.25", "Fractional", 0L)]
    [InlineData("4611686018427387904.5", "Fractional", 0L)]
    [InlineData("1e-1", "Fractional", 0L)]
    [InlineData("", "NotANumber", 0L)]
    [InlineData("-", "NotANumber", 0L)]
    [InlineData(".", "NotANumber", 0L)]
    [InlineData("1e", "NotANumber", 0L)]
    [InlineData("nan", "NotANumber", 0L)]
    [InlineData("12a", "NotANumber", 0L)]
    public void Step_text_reads_whole_numbers_exactly_and_names_the_rest(string text, string expected, long step)
    {
        var reading = StepText.Parse(Encoding.ASCII.GetBytes(text), out long parsed);

        Assert.Equal(expected, reading.ToString());
        Assert.Equal(step, parsed);
    }
}
