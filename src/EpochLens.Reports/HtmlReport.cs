using EpochLens.Reports.Figures;
using EpochLens.Reports.Html;
using EpochLens.Reports.Text;

namespace EpochLens.Reports;

/// <summary>
/// The diagnosis as one self-contained HTML file: inline CSS and inline SVG figures, no script, and a content
/// security policy that forbids the page to fetch anything, so it opens the same offline, from a mail attachment
/// or a CI artefact. Per run: the verdict, the findings table, the curve with its epochs, the folded profile, the
/// boundary event study, the periodogram when the period was inferred, each finding with its evidence table and
/// figures, what was ruled out, and every measurement.
/// </summary>
public static class HtmlReport
{
    /// <summary>Forbids every fetch and every script; only the inline style sheet is allowed.</summary>
    internal const string ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

    public static string Render(IReadOnlyList<RunDiagnosis> runs, string toolVersion) => Render(runs, toolVersion, null);

    /// <param name="lead">An opening that answers for all runs at once, with their curves side by side; none when null.</param>
    public static string Render(IReadOnlyList<RunDiagnosis> runs, string toolVersion, ReportLead? lead)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var html = new HtmlWriter();
        string title = runs.Count == 1 ? $"EpochLens: {runs[0].Metric} in {runs[0].Source}" : $"EpochLens: {runs.Count} runs";
        OpenDocument(html, title, toolVersion);
        if (lead is not null) RenderLead(html, runs, lead);

        for (int i = 0; i < runs.Count; i++) RenderRun(html, runs[i], $"run{i}");

        html.Trusted("</main>\n</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The document up to the report's header: its head, the style sheet, the title and the tool's version.</summary>
    internal static void OpenDocument(HtmlWriter html, string title, string toolVersion) =>
        html.Trusted("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Trusted($"<meta http-equiv=\"Content-Security-Policy\" content=\"{ContentSecurityPolicy}\">\n")
            .Trusted("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Element("title", title).Line()
            .Trusted("<style>\n").Trusted(ReportStyles.Css).Trusted("</style>\n</head>\n<body>\n<main>\n")
            .Open("header").Element("h1", "EpochLens diagnosis")
            .Element("p", $"Epoch-aligned structure in training-loss curves. EpochLens {toolVersion}, JSON schema {RunDiagnosis.SchemaVersion}.", "meta")
            .Close("header").Line();

    public static void Write(string path, IReadOnlyList<RunDiagnosis> runs, string toolVersion, ReportLead? lead = null) =>
        File.WriteAllText(path, Render(runs, toolVersion, lead), new System.Text.UTF8Encoding(false));

    private static void RenderLead(HtmlWriter html, IReadOnlyList<RunDiagnosis> runs, ReportLead lead)
    {
        html.Open("section", "lead", "id=\"lead\"").Line();
        html.Element("h2", lead.Title);
        foreach (var (label, text) in lead.Lines)
            html.Open("p", "answer").Element("strong", label + ":").Text(" " + text).Close("p").Line();

        html.Open("div", "side-by-side").Line();
        for (int i = 0; i < runs.Count; i++)
        {
            var run = runs[i];
            html.Open("div", "column").Line();
            html.Element("h3", i < lead.CurveLabels.Count ? lead.CurveLabels[i] : run.Metric);
            Verdict(html, run);
            if (run.Analysis is { Signal.ValidCount: > 0 } analysis)
            {
                // Drawn at about the width it is shown at, so its lettering stays readable beside the other.
                Figure(html, CurveFigures.Whole(analysis, run.Metric) with { Width = 560, Height = 360 }, $"lead-run{i}");
            }

            html.Close("div").Line();
        }

        html.Close("div").Line();
        html.Close("section").Line();
    }

    internal static void RenderRun(HtmlWriter html, RunDiagnosis run, string runId)
    {
        html.Open("section", "run", $"id=\"{runId}\"").Line();
        html.Element("h2", ReportText.RunTitle(run));
        Verdict(html, run);
        string nonFinite = run.NonFinitePoints > 0 ? $", {ReportText.Count(run.NonFinitePoints)} not finite (left out)" : "";
        html.Element("p", $"Series {run.Metric}: {ReportText.Count(run.Points)} points{nonFinite}. Epochs: {run.Epochs.Explanation}", "muted").Line();
        var findings = ReportText.CauseFindings(run).ToList();
        if (findings.Count > 0) FindingsTable(html, findings);

        var main = RunFigures.Main(run);
        if (main.Count > 0)
        {
            html.Element("h3", "The curve and its epochs").Line();
            foreach (var figure in main) Figure(html, figure, runId);
        }

        if (findings.Count > 0)
        {
            html.Element("h3", "Findings").Line();
            foreach (var f in findings) RenderFinding(html, run, f, runId);
        }

        Spikes(html, run);
        if (run.RuledOut.Count > 0)
        {
            html.Element("h3", "Ruled out or not testable").Open("table").Trusted("<tr><th>cause</th><th>why</th></tr>");
            foreach (var r in run.RuledOut)
                html.Open("tr").Element("td", r.Cause.ToId()).Element("td", r.Reason).Close("tr");

            html.Close("table").Line();
        }

        if (run.Notes.Count > 0)
        {
            html.Element("h3", "Notes").Open("ul");
            foreach (var note in run.Notes) html.Element("li", note);

            html.Close("ul").Line();
        }

        Measurements(html, run.Measurements);
        html.Close("section").Line();
    }

    private static void Verdict(HtmlWriter html, RunDiagnosis run) =>
        html.Open("p", $"verdict {ReportText.Outcome(run.Outcome)}").Trusted("<strong>Verdict:</strong> ").Text(run.Verdict).Close("p").Line();

    private static void FindingsTable(HtmlWriter html, List<Finding> findings)
    {
        html.Open("table", "summary").Trusted("<tr><th>cause</th><th>confidence</th><th>severity</th><th>impact</th></tr>");
        foreach (var f in findings)
        {
            html.Open("tr").Element("td", f.Cause.ToId()).Element("td", ReportText.Confidence(f.Confidence))
                .Element("td", ReportText.Severity(f.Severity.Level)).Element("td", ReportText.Impact(f.Severity.Impact)).Close("tr");
        }

        html.Close("table").Line();
    }

    private static void RenderFinding(HtmlWriter html, RunDiagnosis run, Finding f, string runId)
    {
        html.Open("article", "finding", $"data-cause=\"{f.Cause.ToId()}\"").Line();
        html.Element("h4", $"{f.Cause.ToId()}: {f.Summary}");
        string level = ReportText.Kebab(f.Confidence.Level.ToString());
        html.Open("p").Element("span", $"{level} confidence", $"badge {level}").Element("span", $"severity {ReportText.Severity(f.Severity.Level)}", "badge")
            .Element("span", ReportText.Impact(f.Severity.Impact), "badge").Text($" {ReportText.P(f.Confidence.PValue)}; {f.Confidence.Basis}").Close("p");
        if (f.Evidence.Count > 0)
        {
            html.Open("table", "evidence").Trusted("<tr><th>evidence</th><th>observed</th><th>without the cause</th><th>p</th></tr>");
            foreach (var e in f.Evidence)
            {
                html.Open("tr").Element("td", e.Statement).Element("td", ReportText.Number(e.Observed), "num")
                    .Element("td", ReportText.Number(e.WithoutCause), "num").Element("td", e.PValue is { } p ? ReportText.P(p) : "-", "num").Close("tr");
            }

            html.Close("table");
        }

        if (f.CounterEvidence.Count > 0)
        {
            html.Open("ul");
            foreach (var c in f.CounterEvidence)
                html.Open("li").Element("strong", $"not {c.Rival.ToId()}:").Text($" {c.Statement}").Close("li");

            html.Close("ul");
        }

        html.Open("p").Trusted("<strong>How bad:</strong> ").Text(f.Severity.Statement).Close("p");
        html.Open("p").Trusted("<strong>Fix:</strong> ").Text(f.Fix).Close("p").Line();
        foreach (var figure in RunFigures.ForFinding(run, f)) Figure(html, figure, runId);

        html.Close("article").Line();
    }

    private static void Figure(HtmlWriter html, ReportFigure figure, string runId)
    {
        string id = $"{runId}-{figure.Id}";
        html.Open("figure", "plot", $"id=\"{id}\" data-figure=\"{figure.Id}\"").Line()
            .Trusted(figure.ToInlineSvg(id, figure.Title)).Line()
            .Open("figcaption").Element("strong", figure.Title + ".").Text(" " + figure.Caption).Close("figcaption")
            .Close("figure").Line();
    }

    private static void Spikes(HtmlWriter html, RunDiagnosis run)
    {
        if (run.SpikeCount == 0) return;

        html.Element("h3", "Spikes off the epoch pattern")
            .Element("p", $"{ReportText.Count(run.SpikeCount)} point(s) more than {ReportText.Number(SpikeScan.Threshold)} robust SD from the trend, reported apart from the epoch analysis; the strongest:")
            .Open("table").Trusted("<tr><th>step</th><th>value</th><th>robust SD</th><th>at a boundary</th></tr>");
        foreach (var s in run.Spikes)
        {
            html.Open("tr").Element("td", s.Step.ToString(System.Globalization.CultureInfo.InvariantCulture), "num").Element("td", ReportText.Number(s.Value, "G5"), "num")
                .Element("td", ReportText.Number(s.RobustZ, "+0.0;-0.0"), "num").Element("td", s.AtBoundary ? "yes" : "no").Close("tr");
        }

        html.Close("table").Line();
    }

    private static void Measurements(HtmlWriter html, IReadOnlyList<Measurement> measurements)
    {
        if (measurements.Count == 0) return;

        html.Element("h3", "Every measurement")
            .Open("table", "measurements").Trusted("<tr><th>measurement</th><th>value</th><th>unit</th><th>without structure</th><th>p</th><th>95 % interval</th><th>n</th></tr>");
        foreach (var m in measurements)
        {
            string interval = m.Low is { } low && m.High is { } high ? $"{ReportText.Number(low)} to {ReportText.Number(high)}" : "-";
            html.Open("tr", null, $"title=\"{System.Net.WebUtility.HtmlEncode(m.Method)}\"").Element("td", m.Title).Element("td", ReportText.Number(m.Value), "num").Element("td", m.Unit)
                .Element("td", ReportText.Number(m.Expected, "G3"), "num").Element("td", m.PValue is { } p ? ReportText.P(p) : "-", "num")
                .Element("td", interval, "num").Element("td", ReportText.Count(m.SampleSize), "num").Close("tr");
        }

        html.Close("table").Line();
    }
}
