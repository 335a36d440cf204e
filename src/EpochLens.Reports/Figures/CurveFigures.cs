using static EpochLens.Reports.Figures.FigureStyle;

namespace EpochLens.Reports.Figures;

/// <summary>The loss as logged with its trend and the epoch boundaries: the whole run, and its last epochs up close.</summary>
internal static class CurveFigures
{
    /// <summary>More boundary lines than this would fill the plot; the whole run then marks every k-th.</summary>
    private const int MaxBoundaryLines = 120;

    /// <summary>Epochs shown by the close-up.</summary>
    private const int CloseUpEpochs = 3;

    public static ReportFigure Whole(EpochAnalysis analysis, string metric)
    {
        var signal = analysis.Signal;
        var starts = analysis.Structure.StartSteps;
        int every = (starts.Length + MaxBoundaryLines - 1) / MaxBoundaryLines;
        var plot = Curve(signal, 0, signal.Count, metric, analysis.Log.StepOrigin);
        for (int e = 1; e < starts.Length; e += Math.Max(1, every)) VerticalMark(plot, starts[e], Boundary);

        string marked = every > 1 ? $"every {every}th of the {starts.Length - 1} epoch boundaries is marked (dashed)" : "epoch boundaries dashed";
        return new ReportFigure(
            "curve",
            "The loss curve",
            $"Every logged point ({signal.Count:N0}), drawn with the lowest and highest value per pixel column so no spike is hidden; the smooth line is the trend the analysis removed; {marked}.",
            plot);
    }

    public static ReportFigure? LastEpochs(EpochAnalysis analysis, string metric)
    {
        var signal = analysis.Signal;
        var starts = analysis.Structure.StartSteps;
        if (starts.Length < 2) return null;

        int firstEpoch = Math.Max(0, starts.Length - CloseUpEpochs - 1);
        long from = starts[firstEpoch];
        int begin = Array.BinarySearch(signal.Steps, from);
        begin = begin >= 0 ? begin : ~begin;
        if (signal.Count - begin < 8) return null;

        var plot = Curve(signal, begin, signal.Count, metric, analysis.Log.StepOrigin);
        for (int e = firstEpoch + 1; e < starts.Length; e++) VerticalMark(plot, starts[e], Boundary);

        return new ReportFigure(
            "curve-last-epochs",
            "The last epochs up close",
            $"The loss from step {from + analysis.Log.StepOrigin:N0} to the end, with every epoch boundary (dashed): the shape that repeats at each boundary is what the diagnosis weighs.",
            plot);
    }

    private static ScottPlot.Plot Curve(PreparedSignal signal, int from, int to, string metric, long stepOrigin)
    {
        var plot = NewPlot(StepAxis(stepOrigin), "logged value");
        var steps = signal.Steps.AsSpan(from, to - from);
        var (x, y) = MinMaxDecimator.Decimate(steps, signal.Values.AsSpan(from, to - from), Columns);
        Line(plot, x, y, Raw, $"logged ({Shorten(metric)})");
        // exp keeps order, so the extremes of the trend map to the extremes of its exponential: decimate first.
        var (sx, sy) = MinMaxDecimator.Decimate(steps, signal.Trend.AsSpan(from, to - from), Columns);
        if (signal.LogSpace)
        {
            for (int i = 0; i < sy.Length; i++) sy[i] = Math.Exp(sy[i]);
        }

        Line(plot, sx, sy, Smooth, "trend", 2);
        Legend(plot);
        return plot;
    }

    /// <summary>Legends hold a short name; the page's text holds the full one.</summary>
    internal static string Shorten(string name)
    {
        string printable = Text.ReportText.Printable(name);
        return printable.Length <= 40 ? printable : string.Concat(printable.AsSpan(0, 39), "…");
    }
}
