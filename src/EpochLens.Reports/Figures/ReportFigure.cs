using System.Text.RegularExpressions;
using ScottPlot;

namespace EpochLens.Reports.Figures;

/// <summary>One figure of a report: a stable id (also its file name in --plots), a title, a caption saying how to read it, and the plot.</summary>
/// <param name="Id">Kebab-case id, e.g. "curve" or "phase-profile".</param>
/// <param name="Title">Short title shown above the caption.</param>
/// <param name="Caption">How to read it, in a sentence or two.</param>
/// <param name="Plot">The ScottPlot figure.</param>
/// <param name="Width">Width in pixels at which it is drawn.</param>
/// <param name="Height">Height in pixels.</param>
public sealed partial record ReportFigure(string Id, string Title, string Caption, Plot Plot, int Width = 960, int Height = 340)
{
    /// <summary>
    /// The figure as an SVG element to place inside HTML: no XML declaration, a viewBox so CSS can scale it, and
    /// its element ids prefixed with <paramref name="idPrefix"/>, because ScottPlot numbers its clip paths per
    /// figure and two figures on one page would otherwise clip each other's lines.
    /// </summary>
    public string ToInlineSvg(string idPrefix, string label)
    {
        ArgumentNullException.ThrowIfNull(idPrefix);
        string svg = Plot.GetSvgXml(Width, Height);
        int start = svg.IndexOf("<svg", StringComparison.Ordinal);
        svg = start > 0 ? svg[start..] : svg;
        svg = IdAttribute().Replace(svg, m => $"id=\"{idPrefix}-{m.Groups[1].Value}\"");
        svg = svg.Replace("url(#", $"url(#{idPrefix}-", StringComparison.Ordinal)
            .Replace("href=\"#", $"href=\"#{idPrefix}-", StringComparison.Ordinal);
        string attributes = $"<svg viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{System.Net.WebUtility.HtmlEncode(label)}\" preserveAspectRatio=\"xMidYMid meet\"";
        return attributes + svg["<svg".Length..];
    }

    /// <summary>The figure as a standalone SVG file.</summary>
    public string ToSvgFile() => Plot.GetSvgXml(Width, Height);

    /// <summary>The figure as PNG bytes.</summary>
    public byte[] ToPng() => Plot.GetImageBytes(Width, Height, ImageFormat.Png);

    [GeneratedRegex("id=\"([^\"]+)\"")]
    private static partial Regex IdAttribute();
}
