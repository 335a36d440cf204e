using System.Text.Json;

namespace EpochLens.Cli.Tests;

/// <summary>
/// <c>analyze</c> on a folder of runs of every kind, its shards and <c>summarize</c>, run as processes the way a
/// user or a cluster scheduler runs them.
/// </summary>
public sealed class SweepCommandTests : IDisposable
{
    private const int Runs = 24;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-sweep-tests", Guid.NewGuid().ToString("N"));
    private readonly string _sweep;

    public SweepCommandTests()
    {
        _sweep = Path.Combine(_folder, "sweep");
        SweepFolderWriter.Write(_sweep, Runs, steps: 2000, seed: 7);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Four_shards_merged_by_summarize_give_exactly_the_single_run_result()
    {
        var whole = EpochLensProcess.Run("analyze", _sweep, "--json");
        Assert.True(whole.ExitCode == 0, whole.Error);

        var shardFiles = new List<string>();
        int shardRuns = 0;
        for (int k = 1; k <= 4; k++)
        {
            var shard = EpochLensProcess.Run("analyze", _sweep, "--shard", $"{k}/4", "--output", "jsonl");
            Assert.True(shard.ExitCode == 0, shard.Error);
            string file = Path.Combine(_folder, $"shard-{k}.jsonl");
            File.WriteAllText(file, shard.Output);
            shardFiles.Add(file);
            shardRuns += shard.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Count(line => !line.StartsWith("{\"skipped\"", StringComparison.Ordinal));
        }

        var merged = EpochLensProcess.Run(["summarize", .. shardFiles, "--json"]);
        Assert.True(merged.ExitCode == 0, merged.Error);

        // The same runs, findings and order, byte for byte; and each run was analysed by exactly one shard.
        Assert.Equal(whole.Output, merged.Output);
        using var json = JsonDocument.Parse(whole.Output);
        int runs = json.RootElement.GetProperty("runs").GetArrayLength();
        Assert.Equal(runs, shardRuns);
        Assert.True(runs >= Runs - 3, $"only {runs} of {Runs} runs diagnosed:\n{whole.Output}");

        // The summary and the HTML report too.
        string wholeHtml = Path.Combine(_folder, "whole.html");
        string mergedHtml = Path.Combine(_folder, "merged.html");
        var wholeSummary = EpochLensProcess.Run("analyze", _sweep, "--html", wholeHtml);
        var mergedSummary = EpochLensProcess.Run(["summarize", .. shardFiles, "--html", mergedHtml]);
        Assert.Equal(wholeSummary.Output, mergedSummary.Output);
        Assert.Equal(File.ReadAllText(wholeHtml), File.ReadAllText(mergedHtml));
    }

    [Fact]
    public void A_folder_of_runs_gets_one_summary_line_per_run_worst_first_then_the_skipped()
    {
        var result = EpochLensProcess.Run("analyze", _sweep);

        Assert.True(result.ExitCode == 0, result.Error);
        var lines = result.Output.Split('\n');
        Assert.StartsWith("Sweep: ", lines[0], StringComparison.Ordinal);
        var rows = lines.Where(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"^\s+\d+  ")).ToList();
        using var json = JsonDocument.Parse(EpochLensProcess.Run("analyze", _sweep, "--json").Output);
        Assert.Equal(json.RootElement.GetProperty("runs").GetArrayLength(), rows.Count);

        // Worst first: severities never rise down the table.
        string[] order = ["high", "medium", "low", "none"];
        var severities = rows.Select(r => Array.FindIndex(order, s => System.Text.RegularExpressions.Regex.IsMatch(r, $@"\s{s}\s"))).ToList();
        Assert.DoesNotContain(-1, severities);
        Assert.Equal(severities.Order(), severities);

        // Every kind of run is read, and the Ray Tune trials' second copies are said to be skipped.
        foreach (var kind in new[] { "csv/run-", "lightning_logs/version_", "tensorboard/run-", "huggingface/run-", "mlruns/0/", "wandb-exports/run-", "ray_results/train_fn_", "telemetry/run-" })
        {
            Assert.Contains(rows, r => r.Contains(kind, StringComparison.Ordinal));
        }

        Assert.Contains("progress.csv: another copy of this Ray Tune trial's history: its result.json is read", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_judges_every_run_of_the_folder()
    {
        var never = EpochLensProcess.Run("analyze", _sweep, "--output", "jsonl");
        var failing = EpochLensProcess.Run("analyze", _sweep, "--output", "jsonl", "--fail-on", "low");

        Assert.Equal(0, never.ExitCode);
        Assert.Equal(1, failing.ExitCode);
        Assert.Matches(@"\d+ run\(s\) have a finding at or above --fail-on low", failing.Error);
    }

    [Fact]
    public void The_html_summary_links_each_run_and_encodes_names_from_the_folder()
    {
        var hostile = Path.Combine(_sweep, "csv", "<img src=x onerror=alert(1)>.csv");
        File.Copy(Path.Combine(_sweep, "csv", "run-0000.csv"), hostile);
        string html = Path.Combine(_folder, "sweep.html");

        var result = EpochLensProcess.Run("analyze", _sweep, "--html", html, "--output", "jsonl");

        Assert.True(result.ExitCode == 0, result.Error);
        string page = File.ReadAllText(html);
        Assert.DoesNotContain("<img", page, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;.csv", page, StringComparison.Ordinal);
        int sections = System.Text.RegularExpressions.Regex.Count(page, "<section class=\"run\" id=\"run\\d+\">");
        Assert.True(sections > 0);
        for (int i = 0; i < sections; i++)
        {
            Assert.Contains($"href=\"#run{i}\"", page, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Plots_of_a_sweep_are_named_by_each_run()
    {
        string small = Path.Combine(_folder, "small");
        SweepFolderWriter.Write(small, runs: 2, steps: 2000, seed: 3);
        string plots = Path.Combine(_folder, "plots");

        var result = EpochLensProcess.Run("analyze", small, "--plots", plots, "--output", "jsonl");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(plots, "csv_run-0000.csv-curve.svg")), string.Join("\n", Directory.GetFiles(plots)));
        Assert.True(File.Exists(Path.Combine(plots, "lightning_logs_version_1_metrics.csv-curve.png")), string.Join("\n", Directory.GetFiles(plots)));
        Assert.Matches(@"Plots: \d+ files in ", result.Error);
    }

    [Theory]
    [InlineData("0/4", "K counts from 1 to N")]
    [InlineData("5/4", "K counts from 1 to N")]
    [InlineData("2", "--shard takes K/N")]
    [InlineData("1/0", "N must be from 1")]
    public void A_wrong_shard_is_a_usage_error(string shard, string message)
    {
        var result = EpochLensProcess.Run("analyze", _sweep, "--shard", shard);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Summarize_names_the_file_and_line_that_is_not_a_run()
    {
        string file = Path.Combine(_folder, "broken.jsonl");
        File.WriteAllText(file, "{\"skipped\": {\"source\": \"a\", \"reason\": \"b\"}}\n{\"source\": \"x\"}\n");

        var result = EpochLensProcess.Run("summarize", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("broken.jsonl, line 2", result.Error, StringComparison.Ordinal);
        Assert.Contains("'format' is missing", result.Error, StringComparison.Ordinal);
    }
}
