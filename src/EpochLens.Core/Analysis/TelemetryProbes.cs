using MathNet.Numerics.Distributions;

namespace EpochLens.Analysis;

/// <summary>
/// Direct evidence from what a log records beside the loss: whether the learning rate changes at epoch
/// boundaries, whether the optimizer's step counter starts again, whether the update norm stands out at the
/// first or last step of an epoch. Each compares the boundaries with every other step of the run.
/// </summary>
public static class TelemetryProbes
{
    public static IEnumerable<Measurement> Measure(TrainingLog log, EpochStructure structure)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(structure);
        if (log.Find(SeriesRole.LearningRate) is { } lr && LearningRateChange(lr, structure) is { } lrChange)
            yield return lrChange;

        if (log.Find(SeriesRole.OptimizerStep) is { } counter && OptimizerStepReset(counter, structure) is { } reset)
            yield return reset;

        if (StepsPerUpdate(log) is { } cadence) yield return cadence;

        if (log.Find(SeriesRole.OptimizerStep) is { } stepCounter && AccumulationGroupAtBoundary(stepCounter, structure) is { } group)
            yield return group;

        if (log.Find(SeriesRole.UpdateNorm) is { } norms)
        {
            if (NormAtBoundary(norms, structure, first: true) is { } atFirst) yield return atFirst;

            if (NormShift(norms, structure) is { } shift) yield return shift;

            if (NormAtBoundary(norms, structure, first: true, later: 1) is { } second) yield return second;

            if (NormAtBoundary(norms, structure, first: false) is { } atLast) yield return atLast;
        }
    }

    private static Measurement? LearningRateChange(MetricSeries lr, EpochStructure structure)
    {
        // A script that prints the rate after scheduler.step() shows the next step's rate on the epoch's last line,
        // so the change may sit one logged step early; a boundary takes the larger of the two changes, and the
        // chance rate of "a change at one of two steps" is twice that of one.
        var changes = BoundaryChanges(lr, structure, (before, after) =>
            before > 0 && after > 0 ? Math.Abs(Math.Log(after / before)) : Math.Abs(after - before), earlyBy: 1);
        if (changes is null) return null;

        var (atBoundaries, elsewhere) = changes.Value;
        double threshold = Math.Max(1e-6, 3 * (elsewhere.Count == 0 ? 0 : OrderStatistics.Quantile(elsewhere.ToArray(), 0.99)));
        double typical = atBoundaries.Count > 0 ? RobustStatistics.Median(atBoundaries.ToArray()) : 0;
        return BoundaryShare(
            MeasurementIds.LearningRateChange,
            "Learning-rate changes at boundaries",
            changes.Value,
            threshold,
            looks: 2,
            (at, others) => $"learning rate changes by more than a factor {Math.Exp(threshold):0.######} across {at.Changed} of {at.Of} boundaries (median change x{Math.Exp(typical):0.####}) and across {others.Changed} of {others.Of} other logged steps");
    }

    private static Measurement? OptimizerStepReset(MetricSeries counter, EpochStructure structure)
    {
        var changes = BoundaryChanges(counter, structure, (before, after) => after < before ? 1 : 0);
        if (changes is null) return null;

        return BoundaryShare(
            MeasurementIds.OptimizerStepReset,
            "Optimizer step counter restarts at boundaries",
            changes.Value,
            threshold: 0,
            looks: 1,
            (at, others) => $"the optimizer's own step count goes down across {at.Changed} of {at.Of} boundaries and across {others.Changed} of {others.Of} other logged steps");
    }

    /// <summary>
    /// The share of boundaries across which a logged value changed by more than <paramref name="threshold"/> (the
    /// value), against the share of the other logged steps across which it did (the value expected without the cause);
    /// p is the binomial chance of that many boundaries or more at the other steps' rate times <paramref name="looks"/>,
    /// the logged steps a boundary's change is taken from.
    /// </summary>
    private static Measurement BoundaryShare(
        string id,
        string name,
        (List<double> AtBoundaries, List<double> Elsewhere) changes,
        double threshold,
        int looks,
        Func<(int Changed, int Of), (int Changed, int Of), string> describe)
    {
        var (atBoundaries, elsewhere) = changes;
        (int Changed, int Of) at = (atBoundaries.Count(c => c > threshold), atBoundaries.Count);
        (int Changed, int Of) others = (elsewhere.Count(c => c > threshold), elsewhere.Count);
        double p = BinomialUpper(at.Changed, at.Of, looks * (others.Changed + 1.0) / (others.Of + 1.0));
        double share = (double)at.Changed / Math.Max(1, at.Of), shareElsewhere = (double)others.Changed / Math.Max(1, others.Of);
        return new(id, name, share, "share of boundaries", shareElsewhere, p, null, null, at.Of, describe(at, others));
    }

    /// <summary>
    /// The norm of each epoch's first (or last) update ranked among the 16 updates logged on either side of it
    /// (its immediate neighbours left out, within half an epoch); the mean rank is tested against the uniform
    /// ranks of no effect. Zero norms are steps without an update (gradient accumulation) and are skipped.
    /// </summary>
    /// <param name="later">Look at the update this many after the first (0: the first itself).</param>
    private static Measurement? NormAtBoundary(MetricSeries norms, EpochStructure structure, bool first, int later = 0)
    {
        const int Neighbours = 16;
        var (updateSteps, updates) = Updates(norms);
        var starts = structure.StartSteps;
        long reach = Math.Max(8, (long)(structure.StepsPerEpoch / 2));
        var ranks = new List<double>();
        var belows = new List<double>();
        var rankedAmong = new List<int>();
        var ratios = new List<double>();
        for (int e = 1; e < starts.Length; e++)
        {
            int next = updateSteps.BinarySearch(starts[e]);
            next = next >= 0 ? next : ~next;
            int at = first ? next + later : next - 1;
            if (at < 0 || at >= updateSteps.Count || Math.Abs(updateSteps[at] - starts[e]) > reach) continue;

            var around = new List<double>(2 * Neighbours);
            for (int k = at - 2; k >= 0 && k >= at - 1 - Neighbours && updateSteps[k] >= updateSteps[at] - reach; k--)
                around.Add(updates[k]);

            for (int k = at + 2; k < updates.Count && k <= at + 1 + Neighbours && updateSteps[k] <= updateSteps[at] + reach; k++)
                around.Add(updates[k]);

            if (around.Count < 4) continue;

            double value = updates[at];
            double below = around.Count(v => v < value) + (0.5 * around.Count(v => v == value));
            ranks.Add((below + 0.5) / (around.Count + 1));
            belows.Add(below);
            rankedAmong.Add(around.Count);
            ratios.Add(value / RobustStatistics.Median(around.ToArray()));
        }

        if (ranks.Count < 2) return null;

        double meanRank = ranks.Average();
        double p = UniformRankTest.TwoSidedP(belows, rankedAmong);
        string where = !first ? "last" : later == 0 ? "first" : "second";
        return new Measurement(
            !first ? MeasurementIds.UpdateNormAtLastStep : later == 0 ? MeasurementIds.UpdateNormAtBoundary : MeasurementIds.UpdateNormAtSecondStep,
            $"Update norm at the {where} update of the epoch",
            RobustStatistics.Median(ratios.ToArray()),
            "ratio to neighbours",
            1,
            p,
            null,
            null,
            ranks.Count,
            $"norm of each epoch's {where} parameter update over the median of up to {Neighbours} updates on either side; mean rank {meanRank:0.00} among them (0.5 without an effect), tested with the exact law of their sum");
    }

    /// <summary>
    /// Whether updates are bigger (or smaller) for a while after each boundary than before it: the median of the
    /// 16 updates after over the 16 before. A schedule or a fresh optimizer shifts them; one odd update does not.
    /// </summary>
    private static Measurement? NormShift(MetricSeries norms, EpochStructure structure)
    {
        const int Window = 16;
        var (updateSteps, updates) = Updates(norms);
        var starts = structure.StartSteps;
        var logRatios = new List<double>();
        for (int e = 1; e < starts.Length; e++)
        {
            int next = updateSteps.BinarySearch(starts[e]);
            next = next >= 0 ? next : ~next;
            if (next - Window < 0 || next + Window > updates.Count) continue;

            double before = RobustStatistics.Median(updates.GetRange(next - Window, Window).ToArray());
            double after = RobustStatistics.Median(updates.GetRange(next, Window).ToArray());
            if (before > 0 && after > 0) logRatios.Add(Math.Log(after / before));
        }

        if (logRatios.Count < 2) return null;

        double typical = Math.Exp(RobustStatistics.Median(logRatios.ToArray()));
        return new Measurement(
            MeasurementIds.UpdateNormShift,
            "Update size after the boundary over before it",
            typical,
            "ratio",
            1,
            AcrossEpochTest.PValue(logRatios),
            null,
            null,
            logRatios.Count,
            $"median of the {Window} updates after each boundary over that of the {Window} before, typical over boundaries; t test on the log ratios");
    }

    /// <summary>
    /// How many logged steps there are per optimizer update: 1 without gradient accumulation. Read from the
    /// optimizer's step counter, or from per-step update norms where steps without an update show as zero.
    /// </summary>
    private static Measurement? StepsPerUpdate(TrainingLog log)
    {
        if (log.Find(SeriesRole.OptimizerStep) is { Count: >= 8 } counter)
        {
            var rates = new List<double>();
            var steps = counter.Steps;
            var values = counter.Values;
            // Over spans of 64 logged points (one step apart a counter that moves every k steps says nothing);
            // spans where the counter went down (restarted) are skipped.
            const int Span = 64;
            for (int i = Span; i < steps.Length; i += Span)
            {
                double updates = values[i] - values[i - Span];
                if (updates > 0 && double.IsFinite(updates)) rates.Add((steps[i] - steps[i - Span]) / updates);
            }

            if (rates.Count >= 2)
                return Cadence(RobustStatistics.Median(rates.ToArray()), rates.Count, $"from the optimizer step counter '{counter.Name}'");
        }

        if (log.Find(SeriesRole.UpdateNorm) is { Count: >= 16 } norms && SignalPreparation.TypicalStride(norms.Steps) == 1)
        {
            int zeros = 0, finite = 0;
            foreach (var v in norms.Values)
            {
                if (double.IsFinite(v))
                {
                    finite++;
                    zeros += v == 0 ? 1 : 0;
                }
            }

            if (finite >= 16 && zeros < finite)
                return Cadence(finite / (double)(finite - zeros), finite, $"from the share of logged steps whose update norm '{norms.Name}' is zero");
        }

        return null;
    }

    /// <summary>
    /// With gradient accumulation over k steps, whether the accumulation group that ends just before each
    /// boundary, or the one that spans it, holds other than k steps (a short leftover group stepped on its
    /// own, or one never stepped whose gradients join the next epoch's first group), against how often a
    /// group away from the boundaries does. Updates are read from the optimizer's step counter, logged every step.
    /// </summary>
    private static Measurement? AccumulationGroupAtBoundary(MetricSeries counter, EpochStructure structure)
    {
        var steps = counter.Steps;
        var values = counter.Values;
        if (steps.Length < 16 || SignalPreparation.TypicalStride(steps) != 1) return null;

        var updates = new List<long>();
        for (int i = 1; i < steps.Length; i++)
        {
            if (steps[i] == steps[i - 1] + 1 && double.IsFinite(values[i]) && double.IsFinite(values[i - 1]) && values[i] != values[i - 1])
                updates.Add(steps[i]);
        }

        if (updates.Count < 8) return null;

        var gaps = new long[updates.Count - 1];
        for (int j = 1; j < updates.Count; j++) gaps[j - 1] = updates[j] - updates[j - 1];

        long k = OrderStatistics.UpperMedian(gaps.ToArray().AsSpan());
        if (k < 2)
        {
            return null; // an update every step: no accumulation groups to be short
        }

        // Gap j is the group that ends with update j+1; the two groups at a boundary are the one ending with the
        // epoch's last update and the one ending with the next epoch's first.
        var atBoundary = new bool[gaps.Length];
        int odd = 0, boundaries = 0;
        var starts = structure.StartSteps;
        for (int e = 1; e < starts.Length; e++)
        {
            int next = updates.BinarySearch(starts[e]);
            next = next >= 0 ? next : ~next;
            if (next < 2 || next >= updates.Count || updates[next] - starts[e] > 2 * k || starts[e] - updates[next - 1] > 2 * k)
            {
                continue; // not logged around this boundary
            }

            boundaries++;
            atBoundary[next - 2] = atBoundary[next - 1] = true;
            odd += gaps[next - 2] != k || gaps[next - 1] != k ? 1 : 0;
        }

        int elsewhere = 0, oddElsewhere = 0;
        for (int j = 0; j < gaps.Length; j++)
        {
            if (!atBoundary[j])
            {
                elsewhere++;
                oddElsewhere += gaps[j] != k ? 1 : 0;
            }
        }

        if (boundaries < 2) return null;

        // Two groups per boundary are looked at: the chance that either is odd by itself is about twice a group's.
        double rate = Math.Min(1, 2 * (oddElsewhere + 1.0) / (elsewhere + 1.0));
        return new Measurement(
            MeasurementIds.AccumulationGroupAtBoundary,
            "Accumulation group of another length at boundaries",
            (double)odd / boundaries,
            "share of boundaries",
            (double)oddElsewhere / Math.Max(1, elsewhere),
            BinomialUpper(odd, boundaries, rate),
            null,
            null,
            boundaries,
            $"from the optimizer step counter '{counter.Name}': groups of {k} steps; at {odd} of {boundaries} boundaries the group before or across it is of another length, as {oddElsewhere} of {elsewhere} groups elsewhere are");
    }

    private static Measurement Cadence(double stepsPerUpdate, int n, string how) => new(
        MeasurementIds.StepsPerUpdate,
        "Logged steps per optimizer update",
        stepsPerUpdate,
        "steps",
        1,
        null,
        null,
        null,
        n,
        $"{how}; 1 without gradient accumulation, k when gradients accumulate over k steps");

    private static (List<long> Steps, List<double> Norms) Updates(MetricSeries norms)
    {
        var allSteps = norms.Steps;
        var allValues = norms.Values;
        var updateSteps = new List<long>(allSteps.Length);
        var updates = new List<double>(allSteps.Length);
        for (int i = 0; i < allSteps.Length; i++)
        {
            if (double.IsFinite(allValues[i]) && allValues[i] > 0)
            {
                updateSteps.Add(allSteps[i]);
                updates.Add(allValues[i]);
            }
        }

        return (updateSteps, updates);
    }

    /// <summary>
    /// The change between consecutive logged values across each boundary, and between every other pair.
    /// With <paramref name="earlyBy"/> 1, a boundary's change is the larger of the pair across it and the pair just
    /// before it, and neither pair counts as "elsewhere".
    /// </summary>
    private static (List<double> AtBoundaries, List<double> Elsewhere)? BoundaryChanges(MetricSeries series, EpochStructure structure, Func<double, double, double> change, int earlyBy = 0)
    {
        var steps = series.Steps;
        var values = series.Values;
        if (steps.Length < 4 || structure.EpochCount < 2) return null;

        // changes[i] is the change from point i - 1 to point i (NaN where either is not finite).
        var changes = new double[steps.Length];
        var crossing = new bool[steps.Length];
        changes[0] = double.NaN;
        int e = structure.EpochOf(steps[0]);
        for (int i = 1; i < steps.Length; i++)
        {
            int epoch = structure.EpochOf(steps[i]);
            changes[i] = double.IsFinite(values[i]) && double.IsFinite(values[i - 1]) ? change(values[i - 1], values[i]) : double.NaN;
            crossing[i] = epoch != e && e >= 0;
            e = epoch;
        }

        var atBoundaries = new List<double>();
        var claimed = new bool[steps.Length];
        for (int i = 1; i < steps.Length; i++)
        {
            if (!crossing[i]) continue;

            double c = changes[i];
            claimed[i] = true;
            for (int j = i - 1; j >= Math.Max(1, i - earlyBy); j--)
            {
                claimed[j] = true;
                c = double.IsNaN(c) || changes[j] > c ? changes[j] : c;
            }

            if (!double.IsNaN(c)) atBoundaries.Add(c);
        }

        var elsewhere = new List<double>();
        for (int i = 1; i < steps.Length; i++)
        {
            if (!claimed[i] && !double.IsNaN(changes[i])) elsewhere.Add(changes[i]);
        }

        return atBoundaries.Count == 0 ? null : (atBoundaries, elsewhere);
    }

    /// <summary>P(X &gt;= k) for X ~ Binomial(n, p).</summary>
    private static double BinomialUpper(int k, int n, double p)
    {
        if (k <= 0) return 1;

        return Math.Max(1e-300, 1 - Binomial.CDF(Math.Min(1, Math.Max(0, p)), n, k - 1));
    }
}
