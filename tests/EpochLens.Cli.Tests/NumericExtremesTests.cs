using System.Globalization;
using System.Text;

namespace EpochLens.Cli.Tests;

/// <summary>
/// Steps, counts and lengths at the edges of their types, as a fuzz run found them (issue 12): each once ended in
/// "unexpected error" with a stack trace, or never ended. Now each is a clear answer: a refusal naming the file and
/// the problem (exit 2), or a verdict that says why nothing can be told.
/// </summary>
public sealed class NumericExtremesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-extremes-tests", Guid.NewGuid().ToString("N"));

    public NumericExtremesTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static double Loss(int i) => 1 + (0.1 * Math.Sin(i / 7.0)) + (0.01 * ((i * 7919) % 13) / 13.0);

    /// <summary>An MLflow file-store run with one metric file "loss" of "timestamp value step" lines.</summary>
    private string MlflowRun(IEnumerable<long> steps)
    {
        var run = Path.Combine(_folder, "mlruns", "0", "abc");
        Directory.CreateDirectory(Path.Combine(run, "metrics"));
        File.WriteAllText(Path.Combine(run, "meta.yaml"), "run_id: abc\n");
        var text = new StringBuilder();
        int i = 0;
        foreach (long step in steps)
        {
            text.Append(CultureInfo.InvariantCulture, $"1700000000000 {Loss(i++):R} {step}\n");
        }

        File.WriteAllText(Path.Combine(run, "metrics", "loss"), text.ToString());
        return Path.Combine(_folder, "mlruns");
    }

    private string Write(string name, string content)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, content);
        return path;
    }

    private static void AssertRefused(EpochLensProcess.Result result, string says)
    {
        Assert.True(result.ExitCode == 2, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains(says, result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("unexpected error", result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_near_2_to_the_62_are_analysed_counted_from_the_first_step()
    {
        // Once an OverflowException in EpochStructure.Regular: 2^62 / 1000 epochs from step 0; then refused as damaged.
        var run = MlflowRun(Enumerable.Range(0, 400).Select(i => (1L << 62) + (i * 1000L)));

        var result = EpochLensProcess.Run("analyze", run, "--json", "--steps-per-epoch", "20000");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("\"first_start_step\": 4611686018427387904,", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"count\": 20,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_starting_at_minus_2_to_the_63_are_analysed_exactly()
    {
        // Once Math.Sign of NaN in BoundaryEventStudy.Jump: step differences overflowed.
        var run = MlflowRun(Enumerable.Range(0, 400).Select(i => long.MinValue + i));

        var result = EpochLensProcess.Run("analyze", run, "--json", "--steps-per-epoch", "40");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("\"first_start_step\": -9223372036854775808,", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Steps_more_than_2_to_the_53_apart_are_refused_as_damaged_naming_the_file()
    {
        // Half the run at the bottom of the 64-bit range, half at the top: last - first overflows a long.
        var run = MlflowRun(Enumerable.Range(0, 400).Select(i => i < 200 ? long.MinValue + i : long.MaxValue - 400 + i));

        var result = EpochLensProcess.Run("analyze", run, "--json");

        AssertRefused(result, "steps from -9223372036854775808 to 9223372036854775806, more than 2^53");
        Assert.Contains("mlruns", result.Error, StringComparison.Ordinal);
        Assert.Equal("", result.Output);
    }

    [Fact]
    public void A_huge_gap_between_steps_ends_in_a_verdict_not_a_hang()
    {
        // 200 steps, then 200 more 2^52 steps later: the epoch-length searches once walked the whole span.
        var csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < 400; i++)
        {
            long step = i < 200 ? i : (1L << 52) + i;
            csv.Append(CultureInfo.InvariantCulture, $"{step},{Loss(i):R}\n");
        }

        var result = EpochLensProcess.Run("analyze", Write("gap.csv", csv.ToString()), "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("\"outcome\": \"cannot-tell\"", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_llama_factory_log_stating_2_to_the_31_steps_per_epoch_cannot_tell_instead_of_allocating()
    {
        // current_steps written as floats, epoch = step / 2^31: once an OutOfMemoryException in PhaseProfile.Fold.
        var folder = Path.Combine(_folder, "llama");
        Directory.CreateDirectory(folder);
        var lines = new StringBuilder();
        for (int i = 1; i <= 300; i++)
        {
            lines.Append(CultureInfo.InvariantCulture, $"{{\"current_steps\": {i}.0, \"total_steps\": 2147483648, \"loss\": {Loss(i):R}, \"lr\": 1e-05, \"epoch\": {i / 2147483648.0:R}, \"percentage\": 0.0}}\n");
        }

        File.WriteAllText(Path.Combine(folder, "trainer_log.jsonl"), lines.ToString());

        var result = EpochLensProcess.Run("analyze", folder, "--json");

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Contains("no epoch can be seen whole", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void An_epoch_length_longer_than_the_log_is_a_clear_error()
    {
        // 10^20 steps per epoch: once an OutOfMemoryException in PhaseProfile.Fold.
        var csv = new StringBuilder("step,loss\n");
        for (int i = 0; i < 400; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"{i},{Loss(i):R}\n");
        }

        var result = EpochLensProcess.Run("analyze", Write("metrics.csv", csv.ToString()), "--steps-per-epoch", "99999999999999999999");

        AssertRefused(result, "is longer than the whole log");
        Assert.Contains("metrics.csv", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_json_lines_key_with_a_lone_surrogate_escape_skips_that_line_only()
    {
        // A bit flip turned "loss" into an escape with no low surrogate, behind a UTF-8 BOM: once an
        // InvalidOperationException in the JSON Lines parser (now JsonKeys.AppendName).
        var text = new StringBuilder("\uFEFF");
        for (int i = 0; i < 30; i++)
        {
            string value = i == 5 ? "\"lo\\uD800ss\":2" : string.Create(CultureInfo.InvariantCulture, $"\"loss\":{Loss(i):R}");
            text.Append(CultureInfo.InvariantCulture, $"{{\"step\":{i},{value}}}\n");
        }

        var path = Path.Combine(_folder, "metrics.jsonl");
        File.WriteAllText(path, text.ToString(), new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));

        var result = EpochLensProcess.Run("inspect", path);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Matches(@"loss\s+TrainLoss\s+29", result.Output);
        Assert.Contains("line 6", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_trainer_state_key_with_a_lone_surrogate_escape_skips_that_value_only()
    {
        var folder = Path.Combine(_folder, "hf");
        Directory.CreateDirectory(folder);
        var entries = Enumerable.Range(1, 30).Select(i => i == 5
            ? $"{{\"step\": {i}, \"lo\\uD800ss\": 2}}"
            : string.Create(CultureInfo.InvariantCulture, $"{{\"step\": {i}, \"loss\": {Loss(i):R}}}"));
        File.WriteAllText(Path.Combine(folder, "trainer_state.json"), $"{{\"log_history\": [{string.Join(",\n", entries)}], \"max_steps\": 30}}");

        var result = EpochLensProcess.Run("inspect", folder);

        Assert.True(result.ExitCode == 0, $"exit {result.ExitCode}\n{result.Output}\n{result.Error}");
        Assert.Matches(@"loss\s+TrainLoss\s+29", result.Output);
        Assert.Contains("lone UTF-16 surrogate", result.Error, StringComparison.Ordinal);
    }
}
