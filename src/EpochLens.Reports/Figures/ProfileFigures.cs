using static EpochLens.Reports.Figures.FigureStyle;

namespace EpochLens.Reports.Figures;

/// <summary>Figures of the residual folded by position in the epoch: the whole profile, and the boundary close up.</summary>
internal static class ProfileFigures
{
    /// <summary>Two-sided 95 % normal quantile: the band is the mean plus or minus this many standard errors.</summary>
    private const double Z95 = 1.96;

    public static ReportFigure PhaseProfile(EpochAnalysis analysis)
    {
        var profile = analysis.Profile;
        double width = analysis.Signal.BinWidth;
        int bins = profile.BinCount;
        var x = new double[bins];
        var lower = new double[bins];
        var upper = new double[bins];
        for (int b = 0; b < bins; b++)
        {
            x[b] = b * width;
            double half = Z95 * SafeError(profile, b);
            lower[b] = profile.Mean[b] - half;
            upper[b] = profile.Mean[b] + half;
        }

        var plot = NewPlot("position in the epoch (steps from its start)", "mean residual (robust SD)");
        var band = MinMaxDecimator.Envelope(x, lower, upper, Columns);
        AddBand(plot, band.X, band.Lower, band.Upper, "95 % band");
        var (mx, my) = MinMaxDecimator.Decimate(x, profile.Mean, Columns);
        Line(plot, mx, my, Raw, "mean over epochs", 1.5f);
        HorizontalReference(plot, 0);
        Legend(plot);
        return new ReportFigure(
            "phase-profile",
            "Phase-folded profile",
            $"The detrended loss averaged over {profile.MedianCount:0} epochs at each position in the epoch, with its 95 % confidence band; without epoch-aligned structure it stays near 0 everywhere.",
            plot);
    }

    public static ReportFigure? BoundaryEventStudy(EpochAnalysis analysis)
    {
        var profile = analysis.Profile;
        int half = Window(profile.BinCount);
        if (half < 2) return null;

        var (x, mean, lower, upper) = AroundBoundary(profile, half, b => profile.Mean[b], b => Z95 * SafeError(profile, b));
        var plot = NewPlot("points from the boundary (0 = first point of the epoch)", "mean residual (robust SD)");
        AddBand(plot, x, lower, upper, "95 % band");
        Line(plot, x, mean, Raw, "mean over boundaries", 1.5f);
        Points(plot, x, mean, Raw, "");
        VerticalMark(plot, -0.5, Boundary, dashed: false);
        HorizontalReference(plot, 0);
        Legend(plot);
        return new ReportFigure(
            "boundary-event-study",
            "Boundary event study",
            $"The detrended loss in the {half} points before and after each epoch boundary (solid line), averaged over all boundaries, with its 95 % band: a jump, a transient or a sawtooth shows here.",
            plot);
    }

    /// <summary>The spread of the residual by position near the boundary: what a short last batch changes.</summary>
    public static ReportFigure? SpreadAtBoundary(EpochAnalysis analysis, string idPrefix)
    {
        var profile = analysis.Profile;
        int half = Window(profile.BinCount);
        if (half < 2) return null;

        var (x, spread, _, _) = AroundBoundary(profile, half, b => Math.Sqrt(profile.MeanSquare[b]), _ => 0);
        var plot = NewPlot("points from the boundary (0 = first point of the epoch)", "RMS residual (robust SD)");
        Line(plot, x, spread, Raw, "spread by position", 1.5f);
        Points(plot, x, spread, Raw, "");
        VerticalMark(plot, -0.5, Boundary, dashed: false);
        HorizontalReference(plot, RobustStatistics.Median(profile.MeanSquare.Select(Math.Sqrt).ToArray()));
        Legend(plot);
        return new ReportFigure(
            $"{idPrefix}-spread-at-boundary",
            "Spread near the boundary",
            "Root-mean-square residual at each position around the boundary (dotted: the median over the epoch): a last step that is noisier or quieter than the rest stands out.",
            plot);
    }

    /// <summary>The profiles of odd and even epochs, two independent halves of the run: a shape that repeats is in both.</summary>
    public static ReportFigure OddEven(EpochAnalysis analysis, string idPrefix, bool detail)
    {
        var profile = analysis.Profile;
        double width = analysis.Signal.BinWidth;
        // Fine detail is point-to-point; past a few hundred positions it would be a solid block.
        int bins = detail ? Math.Min(profile.BinCount, 200) : profile.BinCount;
        var x = new double[bins];
        for (int b = 0; b < bins; b++) x[b] = b * width;

        var odd = detail ? profile.OddDetail : profile.OddMean;
        var even = detail ? profile.EvenDetail : profile.EvenMean;
        var plot = NewPlot("position in the epoch (steps from its start)", detail ? "detail (robust SD)" : "mean residual (robust SD)");
        var (ox, oy) = MinMaxDecimator.Decimate(x, odd.AsSpan(0, bins), Columns);
        var (ex, ey) = MinMaxDecimator.Decimate(x, even.AsSpan(0, bins), Columns);
        Line(plot, ox, oy, Raw, "odd epochs", 1.2f);
        Line(plot, ex, ey, Second, "even epochs", 1.2f);
        HorizontalReference(plot, 0);
        Legend(plot);
        return detail
            ? new ReportFigure($"{idPrefix}-odd-even-detail", "Odd against even epochs: fine detail",
                $"The point-to-point detail of the first {bins} positions, averaged over odd and over even epochs: with the same order every epoch the two lines move together.", plot)
            : new ReportFigure($"{idPrefix}-odd-even-profile", "Odd against even epochs: profile",
                "The phase profile of odd and of even epochs, two independent halves of the run: a shape caused by the epochs is in both.", plot);
    }

    /// <summary>Points either side of the boundary drawn in close-ups: a tenth of the epoch, at least 10, at most half of it.</summary>
    internal static int Window(int bins) => Math.Min(bins / 2, Math.Max(10, 3 * Analysis.BoundaryEventStudy.WideWindow(bins)));

    private static (double[] X, double[] Y, double[] Lower, double[] Upper) AroundBoundary(PhaseProfile profile, int half, Func<int, double> value, Func<int, double> margin)
    {
        int bins = profile.BinCount;
        int count = 2 * half;
        var x = new double[count];
        var y = new double[count];
        var lower = new double[count];
        var upper = new double[count];
        for (int k = 0; k < count; k++)
        {
            int offset = k - half;
            int b = ((offset % bins) + bins) % bins;
            x[k] = offset;
            y[k] = value(b);
            lower[k] = y[k] - margin(b);
            upper[k] = y[k] + margin(b);
        }

        return (x, y, lower, upper);
    }

    private static double SafeError(PhaseProfile profile, int bin)
    {
        double error = profile.StandardError(bin);
        return double.IsFinite(error) ? error : 0;
    }
}
