using EpochLens.Reports.Html;

namespace EpochLens.Reports.Sweeps;

/// <summary>
/// A sweep as one self-contained HTML file: the headline and the summary table at the top, each run linking to its
/// section below, then what was skipped, then every run's section (verdict, findings with evidence, what was ruled
/// out, every measurement). A sweep's runs are rendered from their JSON form, which holds no series, so the sections
/// carry no figures: <c>analyze</c> on one run draws them. Every text from a log is HTML-encoded.
/// </summary>
public static class SweepHtmlReport
{
    public static string Render(SweepReport sweep, string toolVersion)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var html = new HtmlWriter();
        HtmlReport.OpenDocument(html, $"EpochLens: a sweep of {sweep.Runs.Count} runs", toolVersion);
        html.Open("section", "summary", "id=\"summary\"").Line().Element("h2", "Summary").Element("p", SweepRow.Headline(sweep), "answer").Line();
        html.Open("table", "summary").Trusted("<tr><th>#</th><th>run</th><th>format</th><th>points</th><th>epoch</th><th>cause</th><th>confidence</th><th>severity</th><th>impact</th></tr>").Line();
        for (int i = 0; i < sweep.Runs.Count; i++)
        {
            var row = SweepRow.Of(sweep.Runs[i], sweep);
            html.Open("tr").Element("td", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "num")
                .Open("td").Open("a", null, $"href=\"#run{i}\"").Text(row.Run).Close("a").Close("td")
                .Element("td", row.Format).Element("td", row.Points, "num").Element("td", row.Epochs).Element("td", row.Cause)
                .Element("td", row.Confidence).Element("td", row.Severity).Element("td", row.Impact).Close("tr").Line();
        }

        html.Close("table").Line();
        if (sweep.Skipped.Count > 0)
        {
            html.Element("h3", $"Skipped ({sweep.Skipped.Count})").Open("table").Trusted("<tr><th>log</th><th>why</th></tr>");
            foreach (var s in sweep.Skipped)
                html.Open("tr").Element("td", s.Source).Element("td", s.Reason).Close("tr");

            html.Close("table").Line();
        }

        html.Close("section").Line();
        for (int i = 0; i < sweep.Runs.Count; i++) HtmlReport.RenderRun(html, sweep.Runs[i], $"run{i}");

        html.Trusted("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    public static void Write(string path, SweepReport sweep, string toolVersion) =>
        File.WriteAllText(path, Render(sweep, toolVersion), new System.Text.UTF8Encoding(false));
}
