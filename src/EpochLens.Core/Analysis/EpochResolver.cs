using EpochLens.Analysis.Periodicity;

namespace EpochLens.Analysis;

/// <summary>
/// Decides where the epochs of a run begin: from the user (<see cref="Setting.StepsPerEpoch"/>), from what the log says
/// (epoch marks, steps per epoch, an epoch column), or by inferring the period from the loss itself.
/// </summary>
public static class EpochResolver
{
    /// <param name="log">The log.</param>
    /// <param name="loss">The series to be analysed; its steps set the range.</param>
    /// <param name="givenStepsPerEpoch">The user's epoch length, which wins over everything else.</param>
    /// <param name="infer">How to infer a period when nothing else says; null to skip inference.</param>
    /// <param name="spell">How to name the epoch-length setting in explanations; <see cref="SettingSpellings.Words"/> when null.</param>
    public static EpochResolution Resolve(TrainingLog log, MetricSeries loss, double? givenStepsPerEpoch, Func<MetricSeries, EpochResolution>? infer, SettingSpelling? spell = null)
    {
        ArgumentNullException.ThrowIfNull(log);
        ArgumentNullException.ThrowIfNull(loss);
        spell ??= SettingSpellings.Words;
        if (loss.Count == 0) return EpochResolution.Unknown($"series '{loss.Name}' has no points");

        long first = loss.Steps[0], last = loss.Steps[^1];
        long origin = DefaultOrigin(first, loss.Count > 1 ? loss.Steps[1] - first : 0);
        if (givenStepsPerEpoch is { } given)
        {
            if (!(given >= 1)) return EpochResolution.Unknown($"steps per epoch must be at least 1, not {given}");

            if (TooManyEpochs(given, origin, last, loss.Count) is { } tooMany)
                return EpochResolution.Unknown($"{spell(Given(given))}: {tooMany}", hint: Given(given));

            return EpochResolution.Known(
                EpochStructure.Regular(given, origin, last, EpochSource.Given, spell(Given(given))),
                $"{given:0.##} steps per epoch as given, counted from step {origin + log.StepOrigin}.");
        }

        if (log.Epochs is { EpochStartSteps: { Count: >= 2 } marks } hint)
        {
            var starts = marks.Distinct().Order().ToArray();
            double typical = RobustStatistics.Median(Differences(starts));
            return EpochResolution.Known(
                new EpochStructure(starts, Math.Max(1, typical), EpochSource.Log, hint.Origin),
                $"{starts.Length} epoch starts marked in the log ({hint.Origin}), about {typical:0.##} steps apart.");
        }

        if (log.Epochs is { StepsPerEpoch: { } fromLog and >= 1 } stated)
        {
            long start = stated.FirstEpochStart is { } fixedStart && fixedStart <= first ? fixedStart : origin;
            if (TooManyEpochs(fromLog, start, last, loss.Count) is { } tooMany)
                return EpochResolution.Unknown($"the log states {fromLog:0.##} steps per epoch ({stated.Origin}), but {tooMany}");

            return EpochResolution.Known(
                EpochStructure.Regular(fromLog, start, last, EpochSource.Log, stated.Origin),
                $"{fromLog:0.##} steps per epoch, as the log states ({stated.Origin}).");
        }

        if (log.Find(SeriesRole.Epoch) is { } column && FromColumn(column) is { } fromColumn)
            return EpochResolution.Known(fromColumn, $"epochs from column '{column.Name}': {fromColumn.EpochCount} epochs of about {fromColumn.StepsPerEpoch:0.##} steps.");

        if (infer is null)
            return EpochResolution.Unknown($"the log does not say where epochs begin; give {spell(Setting.StepsPerEpoch)}", hint: Setting.StepsPerEpoch);

        // Inference says why it could not tell; what to give instead is said here, in the caller's words.
        var inferred = infer(loss);
        return inferred is { Structure: null, Hint: { } settle } ? inferred with { Explanation = $"{inferred.Explanation} Give {spell(settle)}." } : inferred;
    }

    private static SettingHint Given(double stepsPerEpoch) => new(Setting.StepsPerEpoch, $"{stepsPerEpoch:0.##}");

    /// <summary>
    /// Infers the epoch length from the loss itself (<see cref="EpochLengthInference"/>); epochs are then
    /// counted from the same origin as a given length, since a period found in the signal says little about
    /// where the log began.
    /// </summary>
    public static EpochResolution Infer(MetricSeries loss)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (SmoothCurve.WhyNotInferable(loss.Values) is { } smooth)
            return EpochResolution.Unknown($"the log does not say where epochs begin, and the loss cannot tell: {smooth}", [], Setting.StepsPerEpoch);

        if (RepeatedValue.WhyNothingShows(loss.Values) is { } repeated)
            return EpochResolution.Unknown($"the log does not say where epochs begin, and the loss cannot tell: {repeated}", [], Setting.StepsPerEpoch);

        var inference = EpochLengthInference.Infer(loss.Steps, loss.Values);
        long origin = loss.Count == 0 ? 0 : DefaultOrigin(loss.Steps[0], loss.Count > 1 ? loss.Steps[1] - loss.Steps[0] : 0);
        if (inference.StepsPerEpoch is not { } period || loss.Count == 0)
        {
            // Too few epochs for a spectrum: a shift of the level at every boundary may still tell.
            if (loss.Count > 0 && LevelShiftPeriod.Search(loss, origin) is { } found)
            {
                // A step fitted across each cut leans on the levels around it, which a running mean bends; a jump that
                // stands out at one logged point places the boundary better.
                var (placed, jumps) = SharpestBoundary(loss, found.StepsPerEpoch, origin);
                var shift = jumps ? found with { StepsPerEpoch = placed } : found;
                var shifted = EpochStructure.Regular(shift.StepsPerEpoch, origin, loss.Steps[^1], EpochSource.Inferred, $"inferred from '{loss.Name}'");
                string way = shift.Drops ? "drops" : "rises";
                return new EpochResolution(
                    shifted,
                    $"{shift.StepsPerEpoch:0.##} steps per epoch, inferred from the loss (the log does not say): it {way} at each of the {shift.Boundaries} boundaries this length puts in the log (p = {InferenceText.FormatP(shift.PValue)} after correcting for every length tried), too few epochs for a repeating pattern to show.",
                    [new PeriodCandidate(shift.StepsPerEpoch, shift.MedianShift, shift.PValue, $"a level shift at every boundary ({shift.Boundaries}), all {way}")]);
            }

            // A sparse log of running means steadies like 1/k inside each epoch, with neither a spectrum nor a level shift to show it.
            if (loss.Count > 0 && RunningMeanPeriod.Search(loss, origin) is { } steadying)
            {
                var averaged = EpochStructure.Regular(steadying.StepsPerEpoch, origin, loss.Steps[^1], EpochSource.Inferred, $"inferred from '{loss.Name}'");
                return new EpochResolution(
                    averaged,
                    $"{steadying.StepsPerEpoch:0.##} steps per epoch, inferred from the loss (the log does not say): its changes shrink like 1/k from each of the {steadying.Epochs} epoch starts this length puts in the log, as a running mean reset each epoch does (p = {InferenceText.FormatP(steadying.PValue)} against the changes shuffled, every length tried).",
                    [new PeriodCandidate(steadying.StepsPerEpoch, steadying.Flattening, steadying.PValue, "changes shrinking like 1/k from each epoch start (a running mean)")]);
            }

            return EpochResolution.Unknown($"the log does not say where epochs begin, and the loss does not tell: {inference.Explanation}", inference.Candidates, Setting.StepsPerEpoch);
        }

        // A period short for the steps' span (a damaged step far beyond the rest) would put more epochs in the log
        // than the searches below can visit.
        if (TooManyEpochs(period, origin, loss.Steps[^1], loss.Count) is { } tooMany)
            return EpochResolution.Unknown($"the log does not say where epochs begin, and the loss does not tell: it repeats every {period:0.##} steps, but {tooMany}.", inference.Candidates, Setting.StepsPerEpoch);

        // A boundary that stands out of the changes places the length to the step; a smooth per-epoch shape has
        // none, and is placed by folding instead.
        var (sharpest, standsOut) = SharpestBoundary(loss, period, origin);
        period = standsOut ? sharpest : FoldContrastRefiner.Refine(loss.Steps, loss.Values, period, origin);
        var structure = EpochStructure.Regular(period, origin, loss.Steps[^1], EpochSource.Inferred, $"inferred from '{loss.Name}'");
        return new EpochResolution(structure, $"{period:0.##} steps per epoch, inferred from the loss (the log does not say): {inference.Explanation}", inference.Candidates);
    }

    /// <summary>
    /// A period found in the spectrum can be a step off (6 epochs of a running mean cannot tell 600 from 601
    /// by periodicity alone), and folding at the wrong length smears every boundary effect. Among whole-step
    /// lengths within 0.8 % (at least 2) of it, keep the one whose epoch start gathers the largest changes at a
    /// single position: a boundary effect sits at the same position in every epoch only at the true length.
    /// A sparse log places a boundary to the logged point it falls before: its heads are its first logged points.
    /// </summary>
    /// <summary>Whole-step lengths tried each side of the spectrum's choice, at most (0.8 % of 512,000 steps).</summary>
    private const int MaxReach = 4096;

    internal static (double Period, bool StandsOut) SharpestBoundary(MetricSeries loss, double period, long origin)
    {
        // How many times the typical change between logged points a boundary's change must be to move the length.
        const double StandOut = 3;
        // An epoch needs this many logged points for its head to be told from the rest.
        const int MinPoints = 20;
        var steps = loss.Steps;
        var values = loss.Values;
        if (steps.Length < 2 || period / SignalPreparation.TypicalStride(steps) < MinPoints) return (period, false);

        // Changes of the log loss when it is positive: a first epoch far above the rest must not outweigh them.
        bool positive = true;
        foreach (double v in values) positive &= !(v <= 0);

        var change = new double[steps.Length];
        change[0] = double.NaN;
        for (int i = 1; i < steps.Length; i++)
        {
            change[i] = double.IsFinite(values[i]) && double.IsFinite(values[i - 1])
                ? Math.Abs(positive ? Math.Log(values[i] / values[i - 1]) : values[i] - values[i - 1])
                : double.NaN;
        }

        long centre = (long)Math.Round(period);
        bool standsOut = false;
        double best = double.NegativeInfinity;
        long bestLength = centre;

        // Only a boundary effect that stands far out of the ordinary changes can place the epoch to the step; without
        // one (a fixed order repeats the whole epoch, not its start) the head positions' changes are noise, and
        // moving the spectrum's choice by their whim would misfold every epoch.
        double typicalChange = 0;
        long pairs = 0;
        for (int i = 1; i < steps.Length; i++)
        {
            if (!double.IsNaN(change[i]))
            {
                typicalChange += change[i];
                pairs++;
            }
        }

        typicalChange = pairs > 0 ? typicalChange / pairs : 0;
        // The spectrum of a few long epochs places the period to within a percent (1865 or 1878 for 1875 over five
        // epochs of a running mean), so neighbours that far are tried, nearest first; the spectrum's own
        // choice goes first, and a neighbour must gather clearly more to replace it.
        // At most MaxReach each side: a period of 2^51 steps (a gap in a damaged log) would otherwise be searched
        // step by step; a real epoch that long is placed by the fold, not to the step.
        int reach = (int)Math.Clamp(Math.Ceiling(period * 0.008), 2, MaxReach);
        foreach (long length in Neighbours(centre, reach))
        {
            if (length < MinPoints) continue;

            // Mean size of the change into each of the first few points of the epoch, over all epochs but the
            // first, whose start has no change into it and whose early steps move most.
            const int Head = 3;
            var sums = new double[Head];
            var counts = new int[Head];
            // Only the heads of the epochs are visited (found by binary search): a whole pass per candidate length
            // would cost seconds on ten million steps with the wider reach.
            for (long start = origin + length; start <= steps[^1];)
            {
                int at = steps.BinarySearch(start);
                at = at < 0 ? ~at : at;
                for (int k = 0; k < Head && at + k < steps.Length && steps[at + k] < start + length; k++)
                {
                    if (!double.IsNaN(change[at + k]))
                    {
                        sums[k] += change[at + k];
                        counts[k]++;
                    }
                }

                // Epochs that hold no point (a gap in the log, 2^52 steps in a damaged one) are passed over at once.
                long next = start + length;
                if (at < steps.Length && steps[at] >= next)
                    next = Math.Max(next, origin + ((steps[at] - origin) / length * length));

                start = next;
            }

            // The strongest head position must stand out; lengths are ranked by all head positions together, since a
            // one-point spike makes the change out of it as large as the change into it, and a length that puts the
            // boundary one logged point late would otherwise tie with the true one.
            double strongest = 0, score = 0;
            for (int k = 0; k < Head; k++)
            {
                double mean = counts[k] > 0 ? sums[k] / counts[k] : 0;
                strongest = Math.Max(strongest, mean);
                score += mean;
            }

            if (length == centre)
            {
                best = score; // the spectrum's choice, tried first
                standsOut = strongest > StandOut * typicalChange;
            }
            else if (score > best * 1.05 && strongest > StandOut * typicalChange)
            {
                best = score;
                bestLength = length;
                standsOut = true;
            }
        }

        return (bestLength == centre ? period : bestLength, standsOut);
    }

    private static IEnumerable<long> Neighbours(long centre, int reach)
    {
        yield return centre;
        for (int d = 1; d <= reach; d++)
        {
            yield return centre - d;
            yield return centre + d;
        }
    }

    /// <summary>
    /// A length far too short for the log's step range (a damaged or hostile log: steps up to 10^12 with one step
    /// per epoch) would need more epoch starts than memory holds; far more epochs than points cannot be analysed
    /// anyway. Null when the length is usable.
    /// </summary>
    private static string? TooManyEpochs(double stepsPerEpoch, long origin, long last, int points)
    {
        double epochs = Math.Floor((last - (double)origin) / stepsPerEpoch) + 1;
        double most = (10.0 * points) + 10_000;
        return epochs <= most
            ? null
            : $"the {last - (double)origin + 1:0} steps from the first epoch's start to the last step would then hold {epochs:0} epochs, more than {most:0} for {points} logged points: the length or the steps are wrong";
    }

    /// <summary>
    /// Where epoch 0 begins when only the length is known: logs that count steps from 1 (Keras, mmengine,
    /// per-step Hugging Face logs) start there; everything else is taken as a 0-based global step.
    /// </summary>
    /// <remarks>
    /// A log whose first point sits at its own logging interval (step 10 of a log every 10 steps, as the Hugging
    /// Face Trainer's logging_steps writes it) counts completed steps too: its point at step k covers steps 1..k,
    /// so the point at a multiple of the epoch length closes an epoch rather than opening the next.
    /// </remarks>
    public static long DefaultOrigin(long firstStep, long firstInterval = 0) =>
        firstStep == 1 || (firstInterval > 1 && firstStep == firstInterval) ? 1 : Math.Min(0, firstStep);

    /// <summary>Epoch starts where the whole part of an epoch column goes up.</summary>
    internal static EpochStructure? FromColumn(MetricSeries column)
    {
        var steps = column.Steps;
        var values = column.Values;
        var starts = new List<long>();
        double current = double.NaN;
        bool fractional = false;
        foreach (double v in values) fractional |= double.IsFinite(v) && Math.Abs(v - Math.Round(v)) > 1e-6;

        for (int i = 0; i < steps.Length; i++)
        {
            if (!double.IsFinite(values[i])) continue;

            // A fractional epoch (the Hugging Face Trainer's) is the share of training done when the point was
            // logged: at exactly 1.0 the first epoch has just ended, so that point still belongs to it.
            double whole = fractional ? Math.Max(0, Math.Ceiling(values[i] - 1e-9) - 1) : Math.Floor(values[i] + 1e-9);
            if (double.IsNaN(current) || whole > current)
            {
                starts.Add(steps[i]);
                current = whole;
            }
        }

        if (starts.Count < 2) return null;

        var array = starts.ToArray();
        double typical = RobustStatistics.Median(Differences(array));
        return new EpochStructure(array, Math.Max(1, typical), EpochSource.Log, $"column '{column.Name}'");
    }

    private static double[] Differences(long[] starts)
    {
        var result = new double[Math.Max(0, starts.Length - 1)];
        for (int i = 1; i < starts.Length; i++) result[i - 1] = starts[i] - starts[i - 1];

        return result;
    }
}
