using EpochLens.Diagnosis;
using EpochLens.Synthetic;

namespace EpochLens.Reports.Tests;

/// <summary>The size bound of the HTML report on a 10-million-step log (its speed is bench/ReportSpeed's to measure, never a test's).</summary>
public class ReportSizeTests
{
    [Fact]
    public void The_html_report_of_ten_million_steps_is_under_5_MB()
    {
        var spec = new SyntheticRunSpec
        {
            Cause = CauseId.OptimizerReset,
            Strength = 0.3,
            SamplesPerEpoch = 5039,
            Epochs = 1985,
            Logging = LoggingOptions.LossOnly with { EpochHint = true },
        };
        var run = new Diagnoser().Diagnose(SyntheticRunGenerator.Generate(spec, 1).Log);

        string html = HtmlReport.Render([run], "test");

        Assert.True(run.Points >= 10_000_000, $"{run.Points} points");
        long bytes = System.Text.Encoding.UTF8.GetByteCount(html);
        Assert.True(bytes < 5_000_000, $"{bytes:N0} bytes");
        Assert.Contains("data-figure=\"curve\"", html, StringComparison.Ordinal);
    }
}
