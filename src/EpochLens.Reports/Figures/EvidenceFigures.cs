using EpochLens.Logs;
using static EpochLens.Reports.Figures.FigureStyle;

namespace EpochLens.Reports.Figures;

/// <summary>Per finding, the picture of the evidence its cause rests on.</summary>
internal static class EvidenceFigures
{
    /// <summary>Boundaries overlaid in the close-up of the loss around them.</summary>
    private const int OverlaidBoundaries = 5;

    public static IEnumerable<ReportFigure> For(RunDiagnosis run, EpochAnalysis analysis, Finding finding)
    {
        string id = finding.Cause.ToId();
        var figures = finding.Cause switch
        {
            CauseId.RunningMeanLogging => [ChangeByPosition(run, analysis, id)],
            CauseId.PartialLastBatch => [ProfileFigures.SpreadAtBoundary(analysis, id), AroundBoundaries(analysis, id)],
            CauseId.FixedOrder => [ProfileFigures.OddEven(analysis, id, detail: true)],
            CauseId.Recency => [ProfileFigures.OddEven(analysis, id, detail: false)],
            CauseId.LrSchedule => [LearningRate(analysis, id), AroundBoundaries(analysis, id)],
            CauseId.None => [],
            _ => new[] { AroundBoundaries(analysis, id) },
        };
        return figures.OfType<ReportFigure>();
    }

    /// <summary>The running mean's signature: changes that shrink like 1/k through the epoch, on log-log axes.</summary>
    private static ReportFigure? ChangeByPosition(RunDiagnosis run, EpochAnalysis analysis, string id)
    {
        if (run.Figures.ChangeByPosition is not { } change) return null;

        double width = analysis.Signal.BinWidth;
        var x = new List<double>();
        var y = new List<double>();
        for (int b = 1; b < change.Count; b++)
        {
            if (double.IsFinite(change[b]) && change[b] > 0)
            {
                x.Add(Math.Log10((b * width) + 1));
                y.Add(Math.Log10(change[b]));
            }
        }

        if (x.Count < 2) return null;

        var plot = NewPlot("log10 position in the epoch (steps + 1)", "log10 mean |step-to-step change|");
        var (dx, dy) = MinMaxDecimator.Decimate([.. x], [.. y], Columns);
        Points(plot, dx, dy, Raw, "mean change by position");
        // The slope a running mean gives, through the first point: the eye compares the two.
        Line(plot, [x[0], x[^1]], [y[0], y[0] - (x[^1] - x[0])], Boundary, "slope -1 (running mean)", 1.5f);
        Legend(plot);
        return new ReportFigure($"{id}-change-by-position", "Changes shrink through the epoch",
            "Mean size of the step-to-step change at each position in the epoch, log-log: a running mean reset every epoch follows the slope -1 line; per-step losses stay flat.", plot);
    }

    /// <summary>The loss around the last few boundaries, laid over each other: the same shape every time is the point.</summary>
    private static ReportFigure? AroundBoundaries(EpochAnalysis analysis, string id)
    {
        var signal = analysis.Signal;
        var starts = analysis.Structure.StartSteps;
        int half = ProfileFigures.Window(analysis.Profile.BinCount);
        long reach = (long)Math.Ceiling(half * signal.BinWidth);
        var plot = NewPlot("steps from the boundary", "logged value");
        int drawn = 0;
        var colours = new[] { Raw, Second, Smooth, Reference, Boundary };
        for (int e = starts.Length - 1; e >= 1 && drawn < OverlaidBoundaries; e--)
        {
            long boundary = starts[e];
            int from = Lower(signal.Steps, boundary - reach), to = Lower(signal.Steps, boundary + reach);
            if (to - from < 4 || from == 0 || to >= signal.Count) continue;

            var x = new double[to - from];
            for (int i = from; i < to; i++) x[i - from] = signal.Steps[i] - boundary;

            var (dx, dy) = MinMaxDecimator.Decimate(x, signal.Values.AsSpan(from, to - from), Columns);
            Line(plot, dx, dy, colours[drawn % colours.Length], $"epoch {e}", 1.2f);
            drawn++;
        }

        if (drawn == 0) return null;

        VerticalMark(plot, -0.5, Boundary, dashed: false);
        Legend(plot);
        return new ReportFigure($"{id}-around-boundaries", "The loss around the last boundaries",
            $"The logged loss {reach:N0} steps either side of each of the last {drawn} epoch boundaries (solid line), laid over each other: an effect of the boundary has the same shape every time.", plot);
    }

    /// <summary>The logged learning rate over the last epochs, with the boundaries: a schedule that moves at them.</summary>
    private static ReportFigure? LearningRate(EpochAnalysis analysis, string id)
    {
        if (analysis.Log.Find(SeriesRole.LearningRate) is not { Count: >= 2 } rate) return null;

        var starts = analysis.Structure.StartSteps;
        int firstEpoch = Math.Max(0, starts.Length - 4);
        int from = Lower(rate.Steps, starts[firstEpoch]);
        if (rate.Count - from < 2) return null;

        var plot = NewPlot(StepAxis(analysis.Log.StepOrigin), "learning rate");
        var (x, y) = MinMaxDecimator.Decimate(rate.Steps[from..], rate.Values[from..], Columns);
        Line(plot, x, y, Raw, CurveFigures.Shorten(rate.Name), 1.5f);
        for (int e = firstEpoch + 1; e < starts.Length; e++) VerticalMark(plot, starts[e], Boundary);

        Legend(plot);
        return new ReportFigure($"{id}-learning-rate", "The learning rate at the boundaries",
            "The logged learning rate over the last epochs, with the epoch boundaries dashed: a schedule that changes at them explains a change of loss there.", plot);
    }

    private static int Lower(ReadOnlySpan<long> steps, long step)
    {
        int lo = 0, hi = steps.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (steps[mid] < step)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo;
    }
}
