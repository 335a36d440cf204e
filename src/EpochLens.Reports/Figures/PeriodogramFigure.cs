using static EpochLens.Reports.Figures.FigureStyle;

namespace EpochLens.Reports.Figures;

/// <summary>The residual's spectrum when the epoch length was inferred: the evidence that the period is real.</summary>
internal static class PeriodogramFigure
{
    public static ReportFigure Build(ResidualPeriodogram periodogram, EpochResolution epochs)
    {
        var plot = NewPlot("cycles per inferred epoch", "power (1 = median)");
        var (x, y) = MinMaxDecimator.Decimate(periodogram.CyclesPerEpoch, periodogram.Power, Columns);
        Line(plot, x, y, Raw, "power", 1.2f);
        double period = epochs.Structure?.StepsPerEpoch ?? double.NaN;
        for (int harmonic = 1; harmonic <= ResidualPeriodogram.MaxCyclesPerEpoch; harmonic++)
            VerticalMark(plot, harmonic, Boundary);

        HorizontalReference(plot, 1);
        Legend(plot);
        string others = epochs.Candidates.Count > 1
            ? $" Other candidates: {string.Join(", ", epochs.Candidates.Skip(1).Take(3).Select(c => $"{c.StepsPerEpoch:0.#} steps"))}."
            : "";
        return new ReportFigure(
            "periodogram",
            "Periodogram",
            $"Power of the detrended loss by frequency, in cycles per inferred epoch of {period:0.##} steps: a pattern that repeats every epoch puts peaks at the whole numbers (dashed).{others}",
            plot);
    }
}
