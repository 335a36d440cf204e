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

    [Theory]
    [InlineData("low", 1)]
    [InlineData("medium", 0)]
    [InlineData("high", 0)]
    [InlineData("none", 0)]
    public void Fail_on_exits_1_only_when_a_finding_is_at_least_that_severe(string threshold, int expected)
    {
        // A running mean is a log-only artefact of low severity.
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", "--fail-on", threshold);

        Assert.True(result.ExitCode == expected, $"exit {result.ExitCode}: {result.Output}{result.Error}");
        Assert.Contains("Verdict: The logged loss is a running mean", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Fail_on_with_json_keeps_standard_output_one_json_document()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", "--json", "--fail-on", "low");

        Assert.Equal(1, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Contains("--fail-on low", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--fail-on", "severe")]
    [InlineData("--fail-on", "7")]
    [InlineData("--output", "pdf")]
    public void An_unknown_severity_or_report_is_a_usage_error(string option, string value)
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", option, value);

        Assert.Equal(2, result.ExitCode);
    }

    [Theory]
    [InlineData("json", "{")]
    [InlineData("md", "### EpochLens: loss in ")]
    public void Format_given_a_report_format_writes_that_report(string format, string start)
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", "--format", format);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.StartsWith(start, result.Output.TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Format_html_points_to_the_html_option()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--format", "html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--html FILE", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Format_still_names_the_input_format()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", "--format", "tensorboard");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Output_md_writes_the_markdown_summary_to_standard_output()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", "--output", "md", "--input-format", "csv");

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.StartsWith("### EpochLens: loss in ", result.Output, StringComparison.Ordinal);
        Assert.Contains("| running-mean-logging | high", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_and_plots_write_the_report_file_and_the_figures()
    {
        string html = Path.Combine(_folder, "report.html");
        string plots = Path.Combine(_folder, "figures");

        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--html", html, "--plots", plots);

        Assert.True(result.ExitCode == 0, result.Output + result.Error);
        Assert.Contains("data-figure=\"periodogram\"", File.ReadAllText(html), StringComparison.Ordinal);
        foreach (var figure in new[] { "curve", "curve-last-epochs", "phase-profile", "boundary-event-study", "periodogram" })
        {
            Assert.True(File.Exists(Path.Combine(plots, figure + ".svg")), figure + ".svg");
            Assert.True(File.Exists(Path.Combine(plots, figure + ".png")), figure + ".png");
        }
    }

    [Fact]
    public void A_report_that_cannot_be_written_is_an_input_error()
    {
        var result = EpochLensProcess.Run("analyze", RunningMeanCsv(), "--steps-per-epoch", "300", "--html", Path.Combine(_folder, "no-such-folder", "report.html"));

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public void Help_documents_the_report_options()
    {
        var result = EpochLensProcess.Run("analyze", "--help");

        foreach (var option in new[] { "--output", "--html", "--plots", "--fail-on", "--json", "--input-format" })
        {
            Assert.Contains(option, result.Output, StringComparison.Ordinal);
        }
    }
}
