namespace EpochLens.Reports;

/// <summary>
/// An opening for an HTML report of several runs that answer one question together (the demo's plotted curve and
/// raw loss): a title, labelled answer lines, and the runs' curves side by side, each under its own verdict.
/// </summary>
/// <param name="Title">The section's heading.</param>
/// <param name="Lines">The answer, one labelled line each ("What causes it", "How bad it is").</param>
/// <param name="CurveLabels">Per run, what its curve is (it heads the curve's column); the curves are shown side by side when there are two or more.</param>
public sealed record ReportLead(string Title, IReadOnlyList<(string Label, string Text)> Lines, IReadOnlyList<string> CurveLabels);
