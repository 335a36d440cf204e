using System.Text.RegularExpressions;
using System.Xml.Linq;
using EpochLens.Diagnosis;
using EpochLens.Reports.Figures;

namespace EpochLens.Reports.Tests;

public class HtmlReportTests
{
    private static readonly RunDiagnosis Inferred = TestRuns.LossOnly(CauseId.RunningMeanLogging, 0, "train/loss");

    [Fact]
    public void The_report_is_one_file_that_fetches_nothing_and_runs_no_script()
    {
        string html = HtmlReport.Render([Inferred], "test");

        Assert.Contains($"content=\"{HtmlReport.ContentSecurityPolicy}\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<link", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<img", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotMatch(@"(src|href)\s*=\s*""(?!#)", html);
        Assert.DoesNotMatch(@"url\((?!#)", html);
        Assert.Contains("@media print", html, StringComparison.Ordinal);
    }

    [Fact]
    public void An_inferred_period_brings_every_main_figure_and_the_findings_own()
    {
        string html = HtmlReport.Render([Inferred], "test");

        Assert.Equal(EpochLens.Analysis.EpochSource.Inferred, Inferred.Epochs.Structure?.Source);
        foreach (var id in new[] { "curve", "curve-last-epochs", "phase-profile", "boundary-event-study", "periodogram", "running-mean-logging-change-by-position" })
        {
            Assert.Contains($"data-figure=\"{id}\"", html, StringComparison.Ordinal);
        }

        Assert.Contains("<strong>Verdict:</strong>", html, StringComparison.Ordinal);
        Assert.Contains("data-cause=\"running-mean-logging\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_from_the_log_draws_no_periodogram()
    {
        var run = TestRuns.Planted(CauseId.FixedOrder, 0);

        var ids = RunFigures.Main(run).Select(f => f.Id).ToList();

        Assert.NotEqual(EpochLens.Analysis.EpochSource.Inferred, run.Epochs.Structure?.Source);
        Assert.DoesNotContain("periodogram", ids);
        Assert.Contains("phase-profile", ids);
    }

    [Fact]
    public void Figure_element_ids_are_unique_across_the_page()
    {
        string html = HtmlReport.Render([Inferred, TestRuns.Planted(CauseId.Recency, 2)], "test");

        var ids = Regex.Matches(html, "id=\"([^\"]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.NotEmpty(ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        foreach (Match reference in Regex.Matches(html, @"url\(#([^)]+)\)"))
        {
            Assert.Contains(reference.Groups[1].Value, ids);
        }
    }

    [Fact]
    public void Each_findings_figures_follow_its_cause()
    {
        foreach (var (cause, seed, figure) in new[]
        {
            (CauseId.FixedOrder, 0, "fixed-order-odd-even-detail"),
            (CauseId.Recency, 2, "recency-odd-even-profile"),
            (CauseId.PartialLastBatch, 1, "partial-last-batch-spread-at-boundary"),
            (CauseId.StateReload, 6, "state-reload-around-boundaries"),
        })
        {
            var run = TestRuns.Planted(cause, seed);
            Assert.Contains(figure, RunFigures.ForFinding(run, run.Primary!).Select(f => f.Id));
        }
    }

    [Fact]
    public void Exported_plots_are_valid_svg_and_png_files()
    {
        string folder = Path.Combine(Path.GetTempPath(), "epochlens-plots-" + Guid.NewGuid().ToString("N"));
        try
        {
            var written = PlotExport.Write(folder, [Inferred]);

            Assert.Equal(2 * RunFigures.Main(Inferred).Count, written.Count);
            Assert.Contains(Path.Combine(folder, "periodogram.svg"), written);
            foreach (var svg in written.Where(p => p.EndsWith(".svg", StringComparison.Ordinal)))
            {
                Assert.Equal("svg", XDocument.Load(svg).Root!.Name.LocalName);
            }

            foreach (var png in written.Where(p => p.EndsWith(".png", StringComparison.Ordinal)))
            {
                var bytes = File.ReadAllBytes(png);
                Assert.True(bytes.Length > 1000, $"{png}: {bytes.Length} bytes");
                Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, bytes[..4]);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
