namespace EpochLens.Diagnosis.Detectors;

/// <summary>Small shared readings of the measurements that several detectors make the same way.</summary>
internal static class Signals
{
    /// <summary>The measurement's p-value, or 1 when it is missing or untested.</summary>
    public static double P(Measurement? m) => m?.PValue ?? 1;

    public static bool Significant(Measurement? m, double alpha = Confidence.LowBelow) => m is not null && m.IsSignificant(alpha);

    /// <summary>Evidence citing a measurement.</summary>
    public static Evidence Cite(Measurement m, string statement) => new(m.Id, statement, m.Value, m.Expected, m.PValue);

    /// <summary>"p = 3e-05", or "untested".</summary>
    public static string Describe(double? p) => p is { } v ? (v <= 1e-12 ? "p < 1e-12" : $"p = {v:G2}") : "untested";

    /// <summary>The boundary jump that is more significant of the one-point and the wide one.</summary>
    public static Measurement? StrongestJump(EpochAnalysis a)
    {
        var narrow = a[MeasurementIds.BoundaryJump];
        var wide = a[MeasurementIds.BoundaryJumpWide];
        return P(wide) < P(narrow) ? wide : narrow;
    }

    /// <summary>
    /// The most significant upward contrast at the boundary among the one-point, the wide and the one that leaves
    /// out the epoch's first point (a rise that comes with the first update); null when none rises.
    /// </summary>
    public static Measurement? RiseJump(EpochAnalysis a) =>
        new[] { a[MeasurementIds.BoundaryJump], a[MeasurementIds.BoundaryJumpWide], a[MeasurementIds.BoundaryJumpAfterFirst] }
            .Where(m => m is { Value: > 0 })
            .MinBy(P);

    /// <summary>How many contrasts <see cref="RiseJump"/> chose among: its p is corrected by this.</summary>
    public static int RiseJumpLooks(EpochAnalysis a) =>
        new[] { MeasurementIds.BoundaryJump, MeasurementIds.BoundaryJumpWide, MeasurementIds.BoundaryJumpAfterFirst }.Count(id => a[id] is { PValue: not null });

    /// <summary>The measurements that test for any epoch-aligned structure in the loss itself.</summary>
    public static readonly string[] StructureTests =
    [
        MeasurementIds.BoundaryJump,
        MeasurementIds.BoundaryJumpWide,
        MeasurementIds.FirstStepLevel,
        MeasurementIds.LastStepLevel,
        MeasurementIds.FirstStepVariance,
        MeasurementIds.LastStepVariance,
        MeasurementIds.WithinEpochSlope,
        MeasurementIds.EpochStartStep,
        MeasurementIds.RiseAndDrop,
        MeasurementIds.PositionCorrelation,
        MeasurementIds.ProfileConsistency,
        MeasurementIds.SpreadDecay,
    ];

    /// <summary>
    /// The structure tests this log can support: the tests of an epoch's first or last point say something about
    /// that single step only when the log holds it (a log with a point every 50 steps puts some other step there).
    /// </summary>
    public static IEnumerable<string> ApplicableStructureTests(EpochAnalysis a)
    {
        bool first = EdgeStepShare(a, last: false) >= EdgeStepsNeeded;
        bool last = EdgeStepShare(a, last: true) >= EdgeStepsNeeded;
        foreach (var id in StructureTests)
        {
            bool firstEdge = id is MeasurementIds.FirstStepLevel or MeasurementIds.FirstStepVariance;
            bool lastEdge = id is MeasurementIds.LastStepLevel or MeasurementIds.LastStepVariance;
            if ((firstEdge && !first) || (lastEdge && !last)) continue;

            yield return id;
        }
    }

    /// <summary>The share of whole epochs whose edge step must be logged for a claim about that step.</summary>
    public const double EdgeStepsNeeded = 2.0 / 3;

    /// <summary>
    /// The evidence for any epoch-aligned structure in the loss: the smallest p among the structure tests,
    /// multiplied by how many were run (Bonferroni), and the test that gave it.
    /// </summary>
    public static (double P, Measurement? Strongest) StructureEvidence(EpochAnalysis a)
    {
        Measurement? strongest = null;
        int tests = 0;
        foreach (var id in ApplicableStructureTests(a))
        {
            if (a[id] is { PValue: not null } m)
            {
                tests++;
                if (strongest is null || m.PValue < strongest.PValue) strongest = m;
            }
        }

        return strongest is null ? (1, null) : (Math.Min(1, P(strongest) * tests), strongest);
    }

    /// <summary>The relative height of the loss above (or below) its trend after the boundary, and the steps until it settles.</summary>
    public static (double? PeakExcess, double? RecoverySteps, double? Share) Transient(EpochAnalysis a)
    {
        var length = a[MeasurementIds.TransientLength];
        if (length is null || a.Profile.BinCount < 8) return (null, null, null);

        var (excess, _) = TransientShape.Excess(a.Profile);
        double peak = 0;
        int reach = Math.Max(1, (int)Math.Ceiling(length.Value / a.Signal.BinWidth));
        for (int b = 0; b < Math.Min(reach, excess.Length); b++)
        {
            if (Math.Abs(excess[b]) > Math.Abs(peak)) peak = excess[b];
        }

        double scale = a.Signal.TypicalScale;
        double relative = a.Signal.LogSpace ? Math.Exp(peak * scale) - 1 : peak * scale / Math.Max(1e-12, Math.Abs(RobustStatistics.Median(a.Signal.Values)));
        return (relative, length.Value, length.Value / a.Structure.StepsPerEpoch);
    }

    /// <summary>A severity for a real effect, graded by how far and how long the loss departs from its trend after each boundary.</summary>
    public static Severity TrainingSeverity(EpochAnalysis a, string what, SeverityLevel floor = SeverityLevel.Low)
    {
        var (peak, steps, share) = Transient(a);
        var level = floor;
        if (peak is { } p && share is { } s)
        {
            double size = Math.Abs(p);
            var graded = size >= 0.3 || s >= 0.3 ? SeverityLevel.High : size >= 0.05 || s >= 0.05 ? SeverityLevel.Medium : SeverityLevel.Low;
            level = graded > level ? graded : level;
        }

        string cost = peak is { } pk && steps is { } st && share is { } sh && st > 0
            ? $" After each boundary the loss sits up to {pk:+0.#%;-0.#%} off its trend and takes about {st:0} steps ({sh:0.#%} of the epoch) to settle."
            : "";
        return new Severity(level, Impact.Training, peak, steps, share, what + cost);
    }

    /// <summary>
    /// When a rise at the boundary begins, where the log can tell: the first loss of an epoch is computed before
    /// the epoch's first update, so a cause that acts through the updates (a fresh optimizer, a learning rate that
    /// jumps) leaves that point at the old level and lifts the ones after it, while weights replaced before the
    /// epoch (a reload) lift it too. Needs both edge steps logged and values that are not smoothed across the
    /// boundary (an EMA carries the old level into the new epoch whatever happened).
    /// </summary>
    public static RiseOnset Onset(EpochAnalysis a)
    {
        var narrow = a[MeasurementIds.BoundaryJump];
        var wide = RiseJump(a);
        if (narrow is null || wide is null || wide.Id == MeasurementIds.BoundaryJump || !(wide.Value > 0) || !Significant(wide)
            || EdgeStepShare(a, last: false) < EdgeStepsNeeded || EdgeStepShare(a, last: true) < EdgeStepsNeeded
            || LagOneCorrelation(a.Signal) > SmoothedAbove)
        {
            return RiseOnset.Unknown;
        }

        if (narrow.Value >= 0.5 * wide.Value && Significant(narrow)) return RiseOnset.AtFirstStep;

        return narrow.Value < 0.5 * wide.Value && !Significant(narrow, 0.05) ? RiseOnset.AfterFirstUpdate : RiseOnset.Unknown;
    }

    /// <summary>A lag-one autocorrelation of the residuals above this marks values smoothed over steps (EMA, window means).</summary>
    public const double SmoothedAbove = 0.5;

    /// <summary>The lag-one autocorrelation of the residuals inside epochs, from up to 65,536 evenly spread pairs.</summary>
    public static double LagOneCorrelation(PreparedSignal signal)
    {
        var z = signal.Z;
        var epochs = signal.Epochs;
        int from = signal.FirstValid, to = signal.LastValid;
        if (to - from < 8) return 0;

        int stride = Math.Max(1, (to - from) / 65536);
        double sxy = 0, sxx = 0, syy = 0, sx = 0, sy = 0;
        int n = 0;
        for (int i = from; i < to; i += stride)
        {
            if (epochs[i] != epochs[i + 1] || !double.IsFinite(z[i]) || !double.IsFinite(z[i + 1])) continue;

            sx += z[i];
            sy += z[i + 1];
            sxx += z[i] * z[i];
            syy += z[i + 1] * z[i + 1];
            sxy += z[i] * z[i + 1];
            n++;
        }

        if (n < 8) return 0;

        double cov = sxy - (sx * sy / n), vx = sxx - (sx * sx / n), vy = syy - (sy * sy / n);
        return vx > 0 && vy > 0 ? cov / Math.Sqrt(vx * vy) : 0;
    }

    /// <summary>
    /// Values that are means over a logging window of several steps (Hugging Face's logging_steps, mmcv's interval):
    /// no point is one step, and the window around a boundary mixes the two epochs, so nothing about a single step
    /// can be told.
    /// </summary>
    public static bool IsWindowMean(ValueAveraging averaging) =>
        averaging.Kind is AveragingKind.MovingWindow && averaging.Window is not 1;

    /// <summary>
    /// The share of whole epochs whose last step (or first, with <paramref name="last"/> false) is a point of the
    /// log: a claim about that single step needs it logged, which a log with one point every few dozen steps
    /// rarely has. 0 when the log covers no whole epoch.
    /// </summary>
    public static double EdgeStepShare(EpochAnalysis a, bool last)
    {
        var steps = a.Signal.Steps;
        var starts = a.Structure.StartSteps;
        if (steps.Length == 0 || IsWindowMean(a.Series.Averaging)) return 0;

        int whole = 0, logged = 0;
        for (int e = 0; e + 1 < starts.Length; e++)
        {
            if (starts[e] < steps[0] || starts[e + 1] > steps[^1]) continue;

            whole++;
            logged += Array.BinarySearch(steps, last ? starts[e + 1] - 1 : starts[e]) >= 0 ? 1 : 0;
        }

        return whole == 0 ? 0 : (double)logged / whole;
    }
}
