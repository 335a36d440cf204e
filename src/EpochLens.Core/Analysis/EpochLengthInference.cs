using EpochLens.Analysis.Periodicity;

namespace EpochLens.Analysis;

/// <summary>
/// Infers the epoch length of a run from its loss series alone, for logs that say nothing about epochs.
/// </summary>
/// <remarks>
/// The series is put on a grid of its logging interval and turned into step-to-step changes of the log loss
/// (the detrending), clipped against heavy tails. Two channels are searched: the changes (a level pattern that
/// repeats) and their sizes (a spread that repeats, such as jumps of random sign); the changes twice, whitened by
/// noise models fitted over a long and a short window (a slow per-epoch shape such as a warm restart's survives only
/// the second; logs too long for one spectrum, whose epochs span many decimated points, get the long one only). Each is whitened and its
/// periodogram divided by the local noise level; harmonic sums of 1 to 64 harmonics then score every period from
/// <see cref="PeriodSearchOptions.MinPeriodPoints"/> to a third of the log, and the best one's p-value is
/// corrected for every sum tried. Long logs are searched as a block-averaged whole for long periods and as their
/// last stretch at full resolution for short ones. The winner is moved to its fundamental (not half or twice the
/// period) and refined to whole steps by folding the full series.
/// </remarks>
public static class EpochLengthInference
{
    /// <summary>Views of a decimated log search periods of at least this many of their points; the full-resolution tail covers the rest.</summary>
    private const int DecimatedMinPeriod = 8;

    /// <summary>How strongly odd and even epochs must agree for a significant candidate to count as repeating.</summary>
    private const double ConsistencyLevel = 0.01;

    /// <summary>The share of the significance level spent on the log sizes of the changes (see <see cref="Multiplicity"/>).</summary>
    private const double LogScaleShare = 0.05;

    /// <summary>The trend removed before a spectrum is a running mean over this many of the longest periods searched.</summary>
    private const int TrendWindowPeriods = 2;

    /// <param name="steps">Strictly increasing steps (logging every k steps is fine).</param>
    /// <param name="values">The loss per step; NaN and infinite values are skipped.</param>
    /// <param name="options">Search limits and the significance level; defaults when null.</param>
    public static PeriodInference Infer(ReadOnlySpan<long> steps, ReadOnlySpan<double> values, PeriodSearchOptions? options = null)
    {
        var settings = options ?? new PeriodSearchOptions();
        settings.Validate();
        var series = ResidualSeries.Build(steps, values, settings.MaxSpectrumPoints, out string? whyNot);
        if (series is null) return new PeriodInference(null, null, null, [], InferenceText.Unsearchable(whyNot!));

        long stride = series.Stride;
        double minPeriod = Math.Max(settings.MinPeriodPoints, settings.MinStepsPerEpoch is { } minSteps ? minSteps / (double)stride : 0);
        double maxPeriod = series.Length / settings.MinEpochs;
        if (settings.MaxStepsPerEpoch is { } maxSteps) maxPeriod = Math.Min(maxPeriod, maxSteps / (double)stride);

        if (maxPeriod < minPeriod)
        {
            return new PeriodInference(null, null, null, [],
                InferenceText.TooShort(series.Length, settings.MinEpochs, (long)Math.Ceiling(minPeriod)));
        }

        var views = SearchViews(series, minPeriod, maxPeriod, settings.MinEpochs);
        var multiplicity = Multiplicity(views);
        var ranked = Rank(views, multiplicity);
        if (ranked.Count == 0)
        {
            return new PeriodInference(null, null, null, [],
                InferenceText.TooShort(series.Length, settings.MinEpochs, (long)Math.Ceiling(minPeriod)));
        }

        var groups = Group(ranked);
        foreach (var group in groups)
        {
            if (group.PValue > settings.SignificanceLevel) break;

            // The same period seen by another view (the other whitening) may repeat where the strongest did not.
            long stepsPerEpoch = 0;
            double consistency = 1;
            foreach (var member in group.Alternates.Where(a => a.PValue <= settings.SignificanceLevel).Prepend(group))
            {
                (stepsPerEpoch, consistency) = Confirm(member, series, minPeriod, maxPeriod, multiplicity(member.View), settings.SignificanceLevel);
                if (consistency <= ConsistencyLevel) break;
            }

            if (consistency > ConsistencyLevel)
            {
                group.Rejection = $"; does not repeat across epochs (odd against even epochs: p = {InferenceText.FormatP(consistency)})";
                continue;
            }

            long offset = BoundaryLocator.Locate(series, stepsPerEpoch);
            double epochs = series.Length * (double)stride / stepsPerEpoch;
            var candidates = new List<PeriodCandidate>
            {
                new(stepsPerEpoch, group.Score, group.PValue,
                    group.Note + (Math.Abs((group.Period * stride) - stepsPerEpoch) > Math.Max(1, 0.02 * stepsPerEpoch)
                        ? $"; found at {group.Period * stride:0.#} steps, moved to the fundamental and refined at full resolution"
                        : "; refined at full resolution")),
            };
            foreach (var other in groups.Where(g => g != group).Take(settings.CandidateCount - 1))
                candidates.Add(other.ToCandidate(stride, InferenceText.Relation(other.Period * stride, stepsPerEpoch)));

            return new PeriodInference(stepsPerEpoch, group.PValue, offset, candidates,
                InferenceText.Found(stepsPerEpoch, epochs, group.PValue, multiplicity(group.View), offset));
        }

        var best = groups[0];
        return new PeriodInference(null, best.PValue, null, [.. groups.Take(settings.CandidateCount).Select(g => g.ToCandidate(stride, ""))],
            InferenceText.NotFound(best.Period * stride, best.PValue, multiplicity(best.View), settings.SignificanceLevel, maxPeriod * stride,
                best.Rejection is not null));
    }

    /// <summary>
    /// The candidate's period in whole steps (moved to its fundamental and refined) and the p-value of its odd
    /// and even epochs agreeing.
    /// </summary>
    private static (long StepsPerEpoch, double Consistency) Confirm(Detection group, ResidualSeries series, double minPeriod, double maxPeriod,
        double trials, double significance)
    {
        long stride = series.Stride;
        long shortest = (long)Math.Ceiling(minPeriod * stride), longest = (long)Math.Floor(maxPeriod * stride);
        var view = group.View;
        if (group.FoldPeriod is int found)
        {
            double folded = FundamentalCheck.ResolveFold(view, found, minPeriod);
            bool whole = Math.Abs(folded - Math.Round(folded)) < 1e-9;
            // Folding found a whole number of points already; only a sparse log, or a fraction of the fold, leaves the
            // steps between to search.
            long steps = stride == 1 && whole
                ? (long)Math.Round(folded)
                : PeriodRefiner.Refine(series, view.Channel, folded * stride, stride, HarmonicSearch.MaxHarmonics, shortest, longest);
            // A pattern that repeats at the fundamental repeats at the fold's multiple, which a fraction cannot be folded at.
            return (steps, ConsistencyCheck.FoldPValue(view, whole ? (int)Math.Round(folded) : found));
        }

        var (fundamental, harmonics) = FundamentalCheck.Resolve(view, group.Trial, minPeriod, maxPeriod, trials, significance);
        double period = view.PeriodOf(fundamental);
        long stepsPerEpoch = PeriodRefiner.Refine(series, view.Channel, period * stride, Uncertainty(view, fundamental, harmonics) * stride,
            harmonics, shortest, longest);
        return (stepsPerEpoch, ConsistencyCheck.PValue(view, view.FundamentalOf(stepsPerEpoch / (double)stride), harmonics));
    }

    /// <summary>The spectra to search: the whole log when it fits one, else its block means for long periods and its last stretch for short ones.</summary>
    private static List<SpectralView> SearchViews(ResidualSeries series, double minPeriod, double maxPeriod, double minEpochs)
    {
        var jobs = new List<Func<Dictionary<int, PowerSpectrum>, SpectralView?>>();
        int decimation = series.Decimation;
        if (decimation == 1)
        {
            int window = TrendWindow(series.Length, maxPeriod);
            jobs.Add(t => SpectralView.Search(series.TailLevels, ResidualChannel.Signed, 1, true, minPeriod, maxPeriod, window, t));
            jobs.Add(t => SpectralView.Search(series.TailLevels, ResidualChannel.Signed, 1, true, minPeriod, maxPeriod, window, t, Whitening.ShortFitWindow));
            jobs.Add(t => SpectralView.Search(series.BlockMeans(ResidualChannel.Magnitude, 1), ResidualChannel.Magnitude, 1, true, minPeriod, maxPeriod, window, t));
            // The scale of the changes drifts with the loss, by orders of magnitude, and on a log scale that drift leaks
            // into the lowest frequencies far more than the sizes' own: a trend window of half the longest period takes
            // more of it off, at the cost of two thirds of that period's fundamental (its higher harmonics stay whole).
            if (series.HasLogScale)
            {
                int logWindow = TrendWindow(series.Length, maxPeriod / (2 * TrendWindowPeriods));
                jobs.Add(t => SpectralView.Search(series.BlockMeans(ResidualChannel.LogMagnitude, 1), ResidualChannel.LogMagnitude, 1, true, minPeriod, maxPeriod, logWindow, t));
            }
        }
        else
        {
            double longFrom = Math.Max(minPeriod, DecimatedMinPeriod * decimation);
            if (longFrom <= maxPeriod)
            {
                int window = TrendWindow(series.DecimatedLevels.Length, maxPeriod / decimation);
                jobs.Add(t => SpectralView.Search(series.DecimatedLevels, ResidualChannel.Signed, decimation, true, longFrom, maxPeriod, window, t));
                jobs.Add(t => SpectralView.Search(series.BlockMeans(ResidualChannel.Magnitude, decimation), ResidualChannel.Magnitude, decimation, true, longFrom, maxPeriod, window, t));
            }

            // The tail overlaps the decimated views' shortest periods a little, where block means blur the most.
            double shortTo = Math.Min(Math.Min(maxPeriod, 1.25 * DecimatedMinPeriod * decimation), series.TailLevels.Length / minEpochs);
            if (minPeriod <= shortTo)
            {
                int window = TrendWindow(series.TailLevels.Length, shortTo);
                jobs.Add(t => SpectralView.Search(series.TailLevels, ResidualChannel.Signed, 1, false, minPeriod, shortTo, window, t));
                jobs.Add(t => SpectralView.Search(series.BlockMeans(ResidualChannel.Magnitude, 1, series.TailStart), ResidualChannel.Magnitude, 1, false, minPeriod, shortTo, window, t));
            }
        }

        var transforms = new Dictionary<int, PowerSpectrum>();
        var views = new SpectralView?[jobs.Count];
        if (series.Length >= 1 << 15)
        {
            Parallel.For(0, jobs.Count, i => views[i] = jobs[i](transforms));
        }
        else
        {
            for (int i = 0; i < jobs.Count; i++) views[i] = jobs[i](transforms);
        }

        return [.. views.OfType<SpectralView>()];
    }

    /// <summary>
    /// The running mean removed as trend: twice the longest period searched. A window of at least a period keeps every
    /// harmonic of it within about 22% (a window of whole periods averages the pattern out exactly, a shorter one
    /// would wipe out whole harmonics), while the slowest drift, which would leak into the lowest frequencies, goes.
    /// </summary>
    private static int TrendWindow(int viewLength, double longestPeriod) =>
        (int)Math.Min(viewLength, TrendWindowPeriods * longestPeriod) | 1;

    /// <summary>
    /// What each view's p-values are multiplied by: a weighted Bonferroni correction. The log sizes of the changes get
    /// <see cref="LogScaleShare"/> of the significance level, the other views the rest in proportion to their trials;
    /// the shares add up to one, so the chance of any false period stays at the level. The log view is there for
    /// strong scale patterns (a running mean's), and its slow scale drift makes weak ones doubtful; given an equal
    /// share it would also take power from the views that find everything else.
    /// </summary>
    private static Func<SpectralView, double> Multiplicity(List<SpectralView> views)
    {
        double logTrials = 0, otherTrials = 0;
        foreach (var view in views)
        {
            if (view.Channel == ResidualChannel.LogMagnitude)
            {
                logTrials += view.Tried;
            }
            else
            {
                otherTrials += view.Tried;
            }
        }

        if (logTrials == 0 || otherTrials == 0)
        {
            double all = logTrials + otherTrials;
            return _ => all;
        }

        return view => view.Channel == ResidualChannel.LogMagnitude ? logTrials / LogScaleShare : otherTrials / (1 - LogScaleShare);
    }

    private static List<Detection> Rank(List<SpectralView> views, Func<SpectralView, double> multiplicity)
    {
        var ranked = new List<Detection>();
        foreach (var view in views)
        {
            double trials = multiplicity(view);
            foreach (var trial in view.Trials)
            {
                double p = TailProbability.OfHarmonicSum(trial.Sum, trial.Harmonics, view.NoiseDegreesOfFreedom);
                ranked.Add(new Detection(view, trial, null, trial.Score, TailProbability.Corrected(p, trials), view.PeriodOf(trial.FundamentalBin),
                    Uncertainty(view, trial.FundamentalBin, trial.Harmonics)));
            }

            foreach (var fold in view.FoldTrials)
            {
                ranked.Add(new Detection(view, default, fold.Period, fold.Score, TailProbability.Corrected(FoldSearch.PValue(fold.Score), trials),
                    fold.Period, 1));
            }
        }

        ranked.Sort(static (a, b) => a.PValue != b.PValue ? a.PValue.CompareTo(b.PValue) : b.Score.CompareTo(a.Score));
        return ranked;
    }

    /// <summary>Trials within each other's uncertainty are one candidate, represented by its strongest.</summary>
    private static List<Detection> Group(List<Detection> ranked)
    {
        var groups = new List<Detection>();
        foreach (var trial in ranked)
        {
            bool joined = false;
            foreach (var group in groups)
            {
                if (Math.Abs(group.Period - trial.Period) <= Math.Max(group.Uncertainty, trial.Uncertainty))
                {
                    joined = true;
                    if (trial.View != group.View && !group.Alternates.Exists(a => a.View == trial.View))
                        group.Alternates.Add(trial);

                    break;
                }
            }

            if (!joined) groups.Add(trial);
        }

        return groups;
    }

    /// <summary>
    /// Half-width in grid points of the range the true period lies in: the highest harmonic pins the frequency to
    /// about a bin (wider when zero padding oversamples), plus the block length of a decimated view.
    /// </summary>
    private static double Uncertainty(SpectralView view, double fundamental, int harmonics)
    {
        double period = view.PeriodOf(fundamental);
        return (1.5 * period * (view.Oversampling + 1) / (fundamental * harmonics)) + view.Decimation;
    }

    /// <summary>A significant-or-not trial of either search: a harmonic sum, or a fold at <paramref name="FoldPeriod"/> points.</summary>
    private sealed record Detection(SpectralView View, HarmonicTrial Trial, int? FoldPeriod, double Score, double PValue, double Period, double Uncertainty)
    {
        /// <summary>The strongest detection of the same period in each other view, tried when this one does not repeat.</summary>
        public List<Detection> Alternates { get; } = [];

        /// <summary>Why the candidate was set aside although significant, as a note; null when it was not.</summary>
        public string? Rejection { get; set; }

        public string Note => FoldPeriod is null
            ? InferenceText.Note(View.Channel, Trial.Harmonics, View.WholeSeries, View.Decimation, View.SeriesLength)
            : InferenceText.FoldNote(View.Channel, View.WholeSeries, View.SeriesLength);

        public PeriodCandidate ToCandidate(long stride, string relation) =>
            new(Period * stride, Score, PValue, Note + relation + Rejection);
    }
}
