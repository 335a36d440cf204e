using ScottPlot;

namespace EpochLens.Reports.Figures;

/// <summary>The look all figures share: one font, one palette, lines thin enough to show noise, boundaries faint.</summary>
internal static class FigureStyle
{
    /// <summary>Pixel columns of a plot's data area at the default width: the decimation's resolution.</summary>
    public const int Columns = 900;

    public static readonly Color Raw = Color.FromHex("#4C72B0");
    public static readonly Color Smooth = Color.FromHex("#DD8452");
    public static readonly Color Boundary = Color.FromHex("#C44E52");
    public static readonly Color BandFill = Color.FromHex("#4C72B0").WithAlpha(0.25);
    public static readonly Color Second = Color.FromHex("#55A868");
    public static readonly Color Reference = Color.FromHex("#8C8C8C");

    /// <summary>
    /// The label of a step axis: a log beyond ±2^53 is analysed (and drawn) counted from its first step, since a
    /// double cannot place steps that large apart; the label names that step.
    /// </summary>
    public static string StepAxis(long origin) =>
        origin == 0 ? "step" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"steps after step {origin}");

    public static Plot NewPlot(string xLabel, string yLabel)
    {
        var plot = new Plot();
        plot.Font.Set(Fonts.Sans);
        plot.XLabel(xLabel);
        plot.YLabel(yLabel);
        plot.Axes.Bottom.Label.FontSize = 13;
        plot.Axes.Left.Label.FontSize = 13;
        return plot;
    }

    public static ScottPlot.Plottables.Scatter Line(Plot plot, double[] xs, double[] ys, Color color, string legend, float width = 1)
    {
        var line = plot.Add.ScatterLine(xs, ys);
        line.Color = color;
        line.LineWidth = width;
        line.MarkerSize = 0;
        line.LegendText = legend;
        return line;
    }

    public static void Points(Plot plot, double[] xs, double[] ys, Color color, string legend)
    {
        var points = plot.Add.ScatterPoints(xs, ys);
        points.Color = color;
        points.MarkerSize = 5;
        points.LegendText = legend;
    }

    public static void VerticalMark(Plot plot, double x, Color color, bool dashed = true)
    {
        var line = plot.Add.VerticalLine(x);
        line.Color = color.WithAlpha(0.6);
        line.LineWidth = 1;
        if (dashed) line.LinePattern = LinePattern.Dashed;
    }

    public static void AddBand(Plot plot, double[] xs, double[] lower, double[] upper, string legend)
    {
        if (xs.Length < 2) return;

        var band = plot.Add.FillY(xs, lower, upper);
        band.FillColor = BandFill;
        band.LineWidth = 0;
        band.LegendText = legend;
    }

    public static void HorizontalReference(Plot plot, double y)
    {
        var line = plot.Add.HorizontalLine(y);
        line.Color = Reference.WithAlpha(0.7);
        line.LineWidth = 1;
        line.LinePattern = LinePattern.Dotted;
    }

    public static void Legend(Plot plot) => plot.ShowLegend(Alignment.UpperRight);
}
