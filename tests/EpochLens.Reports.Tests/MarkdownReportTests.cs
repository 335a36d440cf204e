using EpochLens.Diagnosis;

namespace EpochLens.Reports.Tests;

public class MarkdownReportTests
{
    [Fact]
    public void The_summary_has_the_verdict_a_findings_table_the_fix_and_what_was_ruled_out()
    {
        var run = TestRuns.Planted(CauseId.RunningMeanLogging, 0);

        var lines = MarkdownReport.Render([run], "0.1.0").Split('\n');

        Assert.StartsWith("### EpochLens: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("**Verdict:** ", StringComparison.Ordinal));
        int header = Array.IndexOf(lines, "| cause | confidence | severity | impact |");
        Assert.True(header > 0);
        Assert.Equal("|---|---|---|---|", lines[header + 1]);
        Assert.StartsWith("| running-mean-logging | high", lines[header + 2], StringComparison.Ordinal);
        Assert.Contains(lines, l => l.StartsWith("**Fix:** Log the per-step loss", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("<details><summary>Ruled out or not testable (", StringComparison.Ordinal));
    }

    [Fact]
    public void No_structure_says_so_without_a_findings_table()
    {
        var run = TestRuns.Planted(CauseId.None, 0);

        string md = MarkdownReport.Render([run], "0.1.0");

        Assert.Contains("**Verdict:** No epoch-aligned structure", md, StringComparison.Ordinal);
        Assert.DoesNotContain("| cause |", md, StringComparison.Ordinal);
    }
}
