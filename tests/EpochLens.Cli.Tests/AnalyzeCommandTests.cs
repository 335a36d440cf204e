using System.Globalization;
using System.Text;
using System.Text.Json;

namespace EpochLens.Cli.Tests;

public sealed class AnalyzeCommandTests : IDisposable
{
    private const int PerEpoch = 300;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "epochlens-analyze-tests", Guid.NewGuid().ToString("N"));

    public AnalyzeCommandTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>A step,loss CSV whose loss is the running mean of each epoch's noisy losses.</summary>
    private string RunningMeanCsv(int epochs = 6)
    {
        var rng = new Random(2);
        var text = new StringBuilder("step,loss\n");
        double mean = 0;
        for (int t = 0; t < epochs * PerEpoch; t++)
        {
            int k = t % PerEpoch;
            double raw = 0.5 + rng.NextDouble();
            mean = k == 0 ? raw : ((mean * k) + raw) / (k + 1);
            text.Append(CultureInfo.InvariantCulture, $"{t},{mean:R}\n");
        }

        var path = Path.Combine(_folder, "running-mean.csv");
        File.WriteAllText(path, text.ToString());
        return path;
    }

    [Fact]
    public void Analyze_names_a_running_mean_with_its_evidence_and_fix()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", PerEpoch.ToString(CultureInfo.InvariantCulture));

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("Verdict: The logged loss is a running mean", result.Output, StringComparison.Ordinal);
        Assert.Matches(@"running-mean-logging\s+high", result.Output);
        Assert.Contains("Fix: Log the per-step loss", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Json_output_is_one_versioned_document_with_the_findings()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", PerEpoch.ToString(CultureInfo.InvariantCulture), "--json");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        using var json = JsonDocument.Parse(result.Output);
        var root = json.RootElement;
        Assert.Equal(1, root.GetProperty("schema_version").GetInt32());
        var run = root.GetProperty("runs")[0];
        Assert.Equal("findings", run.GetProperty("outcome").GetString());
        Assert.Equal("given", run.GetProperty("epochs").GetProperty("source").GetString());
        var finding = run.GetProperty("findings")[0];
        Assert.Equal("running-mean-logging", finding.GetProperty("cause").GetString());
        Assert.Equal("high", finding.GetProperty("confidence").GetProperty("level").GetString());
        Assert.Equal("log-only", finding.GetProperty("severity").GetProperty("impact").GetString());
        Assert.True(finding.GetProperty("evidence").GetArrayLength() >= 2);
        Assert.Contains(run.GetProperty("measurements").EnumerateArray(), m => m.GetProperty("id").GetString() == "spread-decay");
    }

    [Fact]
    public void Without_the_epoch_length_it_says_it_cannot_tell_and_how_to_help()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--no-infer");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Cannot tell", result.Output, StringComparison.Ordinal);
        Assert.Contains("--steps-per-epoch", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_file_is_an_input_error_naming_it()
    {
        var missing = Path.Combine(_folder, "nope.csv");
        var result = EpochLensProcess.Run("analyze", missing);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("nope.csv", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_metric_that_is_not_in_the_log_is_an_input_error_listing_what_is()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--metric", "val_acc", "--steps-per-epoch", "300");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("val_acc", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void A_non_positive_epoch_length_is_refused()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "0");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--steps-per-epoch", result.Output + result.Error, StringComparison.Ordinal);
    }
}
