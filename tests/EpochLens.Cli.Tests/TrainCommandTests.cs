using EpochLens.Telemetry;

namespace EpochLens.Cli.Tests;

public sealed class TrainCommandTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-cli-tests", Guid.NewGuid().ToString("N"));

    [Trait("Category", "Torch")]
    [Fact]
    public void Train_writes_telemetry_and_ends_with_a_summary_line()
    {
        var result = EpochLensProcess.Run("train", "--samples-per-epoch", "40", "--epochs", "2", "--lr", "1e-3", "--out", _folder, "--quiet");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var summary = result.Output.Trim().Split('\n')[^1];
        Assert.StartsWith("Done: 2 epochs, 80 steps; final train loss ", summary, StringComparison.Ordinal);
        Assert.Contains("held-out loss", summary, StringComparison.Ordinal);
        Assert.Contains("steps/s", summary, StringComparison.Ordinal);
        Assert.Equal(81, File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsCsv)).Length);
        Assert.Equal(80, File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.StepsJsonLines)).Length);
        Assert.Equal(3, File.ReadAllLines(Path.Combine(_folder, TelemetryFiles.EpochsCsv)).Length);
        var run = RunDescription.Read(Path.Combine(_folder, TelemetryFiles.RunDescription));
        Assert.Equal(40, run.StepsPerEpoch);
        Assert.Empty(run.CauseSwitches);
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void Cause_switches_are_recorded_in_run_json()
    {
        var result = EpochLensProcess.Run(
            "train", "--samples-per-epoch", "20", "--epochs", "1", "--out", _folder, "--quiet", "--no-eval",
            "--log-running-mean", "--order", "sorted-by-label", "--batch-size", "3", "--loss-reduction", "sum");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        var run = RunDescription.Read(Path.Combine(_folder, TelemetryFiles.RunDescription));
        Assert.Equal(7, run.StepsPerEpoch);
        Assert.Equal("sorted-by-label", run.Order);
        Assert.Equal("true", run.CauseSwitches["log-running-mean"]);
        Assert.Equal("sum", run.CauseSwitches["loss-reduction"]);
    }

    [Fact]
    public void Help_documents_every_cause_switch()
    {
        var result = EpochLensProcess.Run("train", "--help");

        Assert.Equal(0, result.ExitCode);
        foreach (var option in new[]
        {
            "--log-running-mean", "--loss-reduction", "--drop-last", "--order", "--rebuild-optimizer", "--lr-restarts",
            "--reload-weights", "--grad-accumulation", "--accumulation-leftover", "--memorize",
            "--lr", "--batch-size", "--epochs", "--samples-per-epoch", "--seed", "--threads", "--data", "--out",
        })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }

        foreach (var cause in new[] { "running-mean-logging", "partial-last-batch", "fixed-order", "optimizer-reset", "lr-schedule", "state-reload", "grad-accumulation-leftover", "recency" })
        {
            Assert.Contains(cause, result.Output, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("--order", "random", "--order must be reshuffled, fixed, sorted-by-label or reseeded")]
    [InlineData("--loss-reduction", "max", "--loss-reduction must be mean or sum")]
    [InlineData("--batch-size", "0", "--batch-size takes a whole number of samples, at least 1; got 0")]
    [InlineData("--lr", "-1", "--lr takes a positive learning rate; got -1")]
    public void Bad_options_exit_with_code_2_and_say_what_is_wrong(string option, string value, string message)
    {
        var result = EpochLensProcess.Run("train", option, value, "--out", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder), "nothing is written for a refused command");
    }

    [Fact]
    public void A_missing_data_folder_exits_with_code_2_and_names_the_folder()
    {
        var result = EpochLensProcess.Run("train", "--data", "/no/such/folder", "--out", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("/no/such/folder", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void More_samples_than_the_data_holds_is_refused_before_training()
    {
        var result = EpochLensProcess.Run("train", "--samples-per-epoch", "6000", "--out", _folder);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("6000 samples per epoch asked for, but the training set holds only 5039", result.Output + result.Error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        if (Directory.Exists(_folder))
        {
            Directory.Delete(_folder, recursive: true);
        }
    }
}
