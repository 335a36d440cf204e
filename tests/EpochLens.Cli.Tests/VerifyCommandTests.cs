using System.Text.Json;

namespace EpochLens.Cli.Tests;

public sealed class VerifyCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-cli-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public void A_folder_that_is_not_a_harness_run_exits_with_code_2_and_says_why()
    {
        Directory.CreateDirectory(_folder);
        File.WriteAllText(Path.Combine(_folder, "metrics.csv"), "step,loss\n0,1.0\n1,0.9\n");

        var result = EpochLensProcess.Run("verify", _folder, "--cause", "fixed-order");

        Assert.Equal(2, result.ExitCode);
        var said = result.Output + result.Error;
        Assert.Contains("is not a run recorded by 'epochlens train'", said, StringComparison.Ordinal);
        Assert.Contains("run.json", said, StringComparison.Ordinal);
        Assert.Contains("epochlens analyze", said, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_folder_exits_with_code_2_and_names_it()
    {
        var result = EpochLensProcess.Run("verify", "/no/such/run", "--cause", "fixed-order");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/run", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_cause_exits_with_code_2_and_lists_the_causes()
    {
        var result = EpochLensProcess.Run("verify", _folder, "--cause", "gremlins");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cause must be one of running-mean-logging, partial-last-batch, fixed-order", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Help_lists_every_cause_it_can_switch_and_the_budget_options()
    {
        var result = EpochLensProcess.Run("verify", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var cause in new[] { "running-mean-logging", "partial-last-batch", "fixed-order", "optimizer-reset", "lr-schedule", "state-reload", "recency", "grad-accumulation-leftover" })
        {
            Assert.Contains(cause, result.Output, StringComparison.Ordinal);
        }

        foreach (var option in new[] { "--cause", "--epochs", "--samples-per-epoch", "--max-steps", "--jobs", "--json", "--out" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void Verify_confirms_a_planted_fixed_order_and_writes_json()
    {
        var run = Path.Combine(_folder, "fixed");
        var train = EpochLensProcess.Run("train", "--samples-per-epoch", "300", "--epochs", "3", "--order", "fixed", "--out", run, "--quiet");
        Assert.True(train.ExitCode == 0, train.Output + train.Error);

        var result = EpochLensProcess.Run("verify", run, "--cause", "fixed-order", "--json", "--out", Path.Combine(_folder, "verify"));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var cause = json.RootElement.GetProperty("causes")[0];
        Assert.Equal("fixed-order", cause.GetProperty("cause").GetString());
        Assert.Equal("confirmed", cause.GetProperty("verdict").GetString());
        Assert.Equal("position-correlation", cause.GetProperty("measurement").GetString());
        Assert.True(cause.GetProperty("with_factor").GetProperty("reused_original_telemetry").GetBoolean());
        Assert.True(cause.GetProperty("how_bad").GetProperty("held_out_accuracy_without").GetDouble() > 0);
        Assert.True(File.Exists(Path.Combine(_folder, "verify", "verify.json")));
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void Runs_side_by_side_in_their_own_processes_give_what_they_give_one_after_the_other()
    {
        var run = Path.Combine(_folder, "fixed");
        var train = EpochLensProcess.Run("train", "--samples-per-epoch", "300", "--epochs", "3", "--order", "fixed", "--out", run, "--quiet", "--telemetry", "csv");
        Assert.True(train.ExitCode == 0, train.Output + train.Error);

        var one = EpochLensProcess.Run("verify", run, "--cause", "fixed-order", "--no-reuse", "--jobs", "1", "--out", Path.Combine(_folder, "one"));
        var two = EpochLensProcess.Run("verify", run, "--cause", "fixed-order", "--no-reuse", "--jobs", "2", "--out", Path.Combine(_folder, "two"));

        Assert.True(one.ExitCode == 0, one.Output + one.Error);
        Assert.True(two.ExitCode == 0, two.Output + two.Error);
        Assert.Contains("2 at a time", two.Output, StringComparison.Ordinal);
        Assert.Contains("fixed-order-off: done, 900 steps", two.Error, StringComparison.Ordinal); // progress, on standard error
        foreach (var side in new[] { "original-3x300", "fixed-order-off" })
        {
            Assert.Equal(Losses(Path.Combine(_folder, "one", side)), Losses(Path.Combine(_folder, "two", side)));
        }

        // The re-trained original is the recorded run, step for step.
        Assert.Equal(Losses(run), Losses(Path.Combine(_folder, "two", "original-3x300")));
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void Without_a_cause_it_tests_what_the_diagnosis_ranked_and_a_running_mean_needs_no_training()
    {
        var run = Path.Combine(_folder, "running-mean");
        var train = EpochLensProcess.Run("train", "--samples-per-epoch", "300", "--epochs", "3", "--log-running-mean", "--out", run, "--quiet", "--telemetry", "csv");
        Assert.True(train.ExitCode == 0, train.Output + train.Error);

        var result = EpochLensProcess.Run("verify", run, "--out", Path.Combine(_folder, "verify"));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Diagnosis of logged_loss: The logged loss is a running mean", result.Output, StringComparison.Ordinal);
        Assert.Contains("Testing the ranked causes in order: running-mean-logging", result.Output, StringComparison.Ordinal);
        Assert.Contains("Nothing to train", result.Output, StringComparison.Ordinal);
        Assert.Contains("CONFIRMED: switching the factor off removes the pattern: spread-decay", result.Output, StringComparison.Ordinal);
        Assert.Contains("Identical held-out results", result.Output, StringComparison.Ordinal);
    }

    private static string[] Losses(string folder) =>
        File.ReadLines(Path.Combine(folder, "steps.csv")).Skip(1).Select(l => l.Split(',')[4]).ToArray();

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
