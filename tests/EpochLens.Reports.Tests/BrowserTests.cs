using System.Runtime.CompilerServices;
using System.Text.Json;
using EpochLens.Diagnosis;
using EpochLens.Reports.Figures;
using Xunit.Abstractions;

namespace EpochLens.Reports.Tests;

/// <summary>
/// The HTML report opened in headless Chromium, on a laptop-sized screen and in print: every figure present and
/// visible, a screenshot of each (under TestResults/browser/), and no console error, no script, no request but the
/// file itself. The run's series carries a hostile name, so an escape that failed would show as a dialog.
/// </summary>
[Trait("Category", "Browser")] // opens headless Chromium: left out of the fast run
public class BrowserTests(ITestOutputHelper output)
{
    [Fact]
    public void The_report_shows_every_figure_and_fetches_nothing_in_a_real_browser()
    {
        var runs = new[] { TestRuns.LossOnly(CauseId.RunningMeanLogging, 0, TestRuns.HostileName), TestRuns.Planted(CauseId.FixedOrder, 0) };
        var expected = runs.SelectMany((run, i) => RunFigures.Main(run).Concat(ReportTextFindings(run)).Select(f => $"run{i}-{f.Id}")).ToList();
        string folder = ResultsFolder();
        string report = Path.Combine(folder, "report.html");
        HtmlReport.Write(report, runs, "test");

        var seen = BrowserCheck.Open(report, folder);
        output.WriteLine($"screenshots: {seen.GetProperty("screenshot").GetString()}, {seen.GetProperty("printShot").GetString()}");

        Assert.Empty(Strings(seen, "consoleErrors"));
        Assert.Empty(Strings(seen, "pageErrors"));
        Assert.Empty(Strings(seen, "dialogs"));
        Assert.Equal(0, seen.GetProperty("scripts").GetInt32());
        Assert.Equal([seen.GetProperty("url").GetString()!], Strings(seen, "requests"));
        Assert.StartsWith("Verdict:", seen.GetProperty("verdict").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("<script>alert(1)</script>[red]x[/]", Strings(seen, "headings")[0], StringComparison.Ordinal);
        foreach (var media in new[] { "screen", "print" })
        {
            var figures = seen.GetProperty(media).EnumerateArray().ToList();
            Assert.Equal(expected, figures.Select(f => f.GetProperty("id").GetString()));
            foreach (var figure in figures)
            {
                string id = figure.GetProperty("id").GetString()!;
                Assert.True(figure.GetProperty("visible").GetBoolean(), $"{media}: {id} is not visible");
                Assert.True(figure.GetProperty("width").GetDouble() >= 300, $"{media}: {id} is {figure.GetProperty("width").GetDouble()} px wide");
                Assert.True(figure.GetProperty("height").GetDouble() >= 100, $"{media}: {id} is {figure.GetProperty("height").GetDouble()} px high");
                Assert.True(figure.GetProperty("drawn").GetInt32() > 10, $"{media}: {id} draws almost nothing");
            }
        }

        Assert.True(new FileInfo(seen.GetProperty("screenshot").GetString()!).Length > 10_000);
        Assert.True(new FileInfo(seen.GetProperty("pdf").GetString()!).Length > 10_000);
    }

    [Fact]
    public void The_demo_report_shows_the_plotted_and_the_raw_curve_side_by_side_with_their_verdicts()
    {
        // The harness run epochlens demo records: logged_loss is the running mean the question plotted, loss the raw loss.
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "demo-run");
        var log = EpochLens.Readers.DefaultLogReaders.Create().Read(path, new EpochLens.Readers.ReadOptions(), new EpochLens.Readers.ProblemLog()).Single();
        var plotted = new Diagnoser().Diagnose(log, new DiagnosisOptions { Metric = "logged_loss" });
        var raw = new Diagnoser().Diagnose(log, new DiagnosisOptions { Metric = "loss" });
        var lead = new ReportLead("The question, answered", [("What causes it", "the running mean being reset"), ("How bad it is", "only the plot is wrong")],
            ["1. The curve the question plotted", "2. The raw per-step loss"]);
        string folder = Path.Combine(ResultsFolder(), "demo");
        Directory.CreateDirectory(folder);
        string report = Path.Combine(folder, "report.html");
        HtmlReport.Write(report, [plotted, raw], "test", lead);

        var seen = BrowserCheck.Open(report, folder);
        output.WriteLine($"screenshot: {seen.GetProperty("screenshot").GetString()}");

        Assert.Empty(Strings(seen, "consoleErrors"));
        Assert.Equal([seen.GetProperty("url").GetString()!], Strings(seen, "requests"));
        Assert.Equal("The question, answered", Strings(seen, "headings")[0]);
        Assert.Equal(CauseId.RunningMeanLogging, plotted.Primary!.Cause);
        Assert.Equal(DiagnosisOutcome.NoStructure, raw.Outcome);
        string html = File.ReadAllText(report);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(plotted.Verdict), html, StringComparison.Ordinal);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(raw.Verdict), html, StringComparison.Ordinal);
        foreach (var media in new[] { "screen", "print" })
        {
            var curves = seen.GetProperty(media).EnumerateArray().Where(f => f.GetProperty("id").GetString()!.StartsWith("lead-", StringComparison.Ordinal)).ToList();
            Assert.Equal(["lead-run0-curve", "lead-run1-curve"], curves.Select(f => f.GetProperty("id").GetString()));
            foreach (var curve in curves)
            {
                Assert.True(curve.GetProperty("visible").GetBoolean(), $"{media}: {curve.GetProperty("id").GetString()} is not visible");
                Assert.True(curve.GetProperty("drawn").GetInt32() > 10, $"{media}: {curve.GetProperty("id").GetString()} draws almost nothing");
                Assert.True(curve.GetProperty("width").GetDouble() >= 250, $"{media}: {curve.GetProperty("id").GetString()} is too narrow");
            }

            // Side by side: together no wider than the 1366-pixel window the check opens the page in.
            Assert.True(curves.Sum(f => f.GetProperty("width").GetDouble()) < 1366, $"{media}: the two curves are stacked, not side by side");
        }
    }

    private static IEnumerable<ReportFigure> ReportTextFindings(RunDiagnosis run) =>
        Text.ReportText.CauseFindings(run).SelectMany(f => RunFigures.ForFinding(run, f));

    private static List<string> Strings(JsonElement seen, string name) =>
        [.. seen.GetProperty(name).EnumerateArray().Select(e => e.GetString() ?? "")];

    /// <summary>TestResults/browser/ at the repository root, where CI collects results; a temporary folder outside a checkout.</summary>
    private static string ResultsFolder([CallerFilePath] string caller = "")
    {
        string? root = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(caller)));
        string folder = root is not null && File.Exists(Path.Combine(root, "EpochLens.slnx"))
            ? Path.Combine(root, "TestResults", "browser")
            : Path.Combine(Path.GetTempPath(), "epochlens-browser-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }
}
