using EpochLens.Diagnosis;

namespace EpochLens.Reports.Tests;

/// <summary>Tag and file names come from the log: every report shows them as text and never lets them act as markup.</summary>
public class UntrustedNameTests
{
    private static readonly RunDiagnosis Run = TestRuns.LossOnly(CauseId.RunningMeanLogging, 0, TestRuns.HostileName);

    [Fact]
    public void The_diagnosis_carries_the_hostile_name_as_given()
    {
        Assert.Equal(TestRuns.HostileName, Run.Metric);
        Assert.Contains(TestRuns.HostileName, Run.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void Html_escapes_the_name_everywhere()
    {
        string html = HtmlReport.Render([Run], "test");

        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', html);
    }

    [Fact]
    public void Markdown_escapes_the_name_and_keeps_it_on_one_line()
    {
        string md = MarkdownReport.Render([Run], "test");

        Assert.DoesNotContain("<script", md, StringComparison.OrdinalIgnoreCase);
        Assert.Contains(@"&lt;script&gt;alert(1)&lt;/script&gt;\[red\]x\[/\]\*bold\*\|", md, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', md);
        Assert.Contains(md.Split('\n'), line => line.StartsWith("### EpochLens: ", StringComparison.Ordinal) && line.EndsWith("metrics.csv", StringComparison.Ordinal));
    }

    [Fact]
    public void Console_shows_the_name_literally_without_markup_or_terminal_escapes()
    {
        string text = PlainConsole.Render(console => ConsoleReport.Render(console, Run), width: 200);

        Assert.Contains(@"<script>alert(1)</script>[red]x[/]*bold*|\x1B]0;pwned\x07\x0Acell", text, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', text);
        Assert.DoesNotContain('\u0007', text);
    }

    [Fact]
    public void Json_escapes_the_name_as_a_json_string()
    {
        string json = JsonReport.ToJson([Run], "test");

        Assert.DoesNotContain("<script", json, StringComparison.OrdinalIgnoreCase);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal(TestRuns.HostileName, document.RootElement.GetProperty("runs")[0].GetProperty("metric").GetString());
    }
}
