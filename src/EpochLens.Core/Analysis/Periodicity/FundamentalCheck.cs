using MathNet.Numerics.Distributions;

namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Moves a candidate to the fundamental period. A spike train has equal power at every harmonic, so a third of
/// its period (every third harmonic) sums as high as the period itself; a candidate twice too long collects the
/// true harmonics as its even ones. So: a candidate whose power sits only at every q-th harmonic is the shorter
/// period P / q, and a candidate with power between its harmonics, at its q-th subharmonics, is part of the longer
/// period q * P. Power between harmonics counts only when significant and a fair share of the power at the
/// harmonics: a strong pattern's harmonics leak a little into every bin nearby.
/// </summary>
internal static class FundamentalCheck
{
    /// <summary>Corrected p-value at which power at the subharmonics makes the longer period the fundamental.</summary>
    private const double SubharmonicLevel = 1e-3;

    /// <summary>Below this p-value the harmonics between the multiples of q can count as present.</summary>
    private const double PresenceLevel = 0.01;

    /// <summary>Power between harmonics is leakage unless its excess over noise is at least this share of theirs.</summary>
    private const double MinShare = 0.1;

    /// <summary>Standard deviations of agreement between a folded profile's segments that make it a repetition, when one split is tried.</summary>
    private const double SegmentScore = 3;

    /// <summary>
    /// The most repeats a folded profile is searched for: a fold this many periods long has long lost the sharpness
    /// that makes folding win, and each q costs a pass over the profile.
    /// </summary>
    private const int MaxDivisor = 16;

    private static readonly int[] Factors = [2, 3];

    /// <summary>The fundamental (bins) and the harmonic bandwidth (in its harmonics) after the checks.</summary>
    public static (double Fundamental, int Harmonics) Resolve(SpectralView view, HarmonicTrial trial, double minPeriod, double maxPeriod,
        double trialCount, double significance)
    {
        double fundamental = trial.FundamentalBin;
        int harmonics = trial.Harmonics;
        for (int round = 0; round < 4; round++)
        {
            if (TryShorter(view, ref fundamental, ref harmonics, minPeriod, trialCount, significance)
                || TryLonger(view, ref fundamental, ref harmonics, maxPeriod))
            {
                continue;
            }

            break;
        }

        return (fundamental, harmonics);
    }

    private static bool TryShorter(SpectralView view, ref double fundamental, ref int harmonics, double minPeriod, double trialCount, double significance)
    {
        foreach (int q in Factors)
        {
            if (harmonics < q || view.PeriodOf(fundamental * q) < minPeriod) continue;

            var between = SumAt(view, fundamental, harmonics, k => k % q != 0);
            var multiples = SumAt(view, fundamental, harmonics, k => k % q == 0);
            if (between.Count == 0 || multiples.Count == 0) continue;

            double pBetween = TailProbability.OfHarmonicSum(between.Sum, between.Count, view.NoiseDegreesOfFreedom);
            double pMultiples = TailProbability.OfHarmonicSum(multiples.Sum, multiples.Count, view.NoiseDegreesOfFreedom);
            bool betweenPresent = pBetween <= PresenceLevel && Share(between, multiples) >= MinShare;
            if (!betweenPresent && TailProbability.Corrected(pMultiples, trialCount) <= significance)
            {
                fundamental *= q;
                harmonics /= q;
                return true;
            }
        }

        return false;
    }

    private static bool TryLonger(SpectralView view, ref double fundamental, ref int harmonics, double maxPeriod)
    {
        int bestFactor = 0, tests = 0;
        double bestP = 1, bestFundamental = fundamental;
        var own = SumAt(view, fundamental, harmonics, _ => true);

        // The candidate's fundamental is known to about half a bin over its harmonics (plus the zero padding's
        // widening); its q-th subharmonic is tried across that range, finely enough for the highest harmonic summed.
        double range = (0.5 + (0.5 * view.Oversampling)) / harmonics;
        foreach (int q in Factors)
        {
            if (view.PeriodOf(fundamental / q) > maxPeriod) continue;

            for (int band = 1; band <= harmonics; band <<= 1)
            {
                double spacing = Math.Min(1.0 / (2 * q * band), range / q);
                int offsets = (int)Math.Ceiling((range / q / spacing) - 1e-9);
                for (int j = -offsets; j <= offsets; j++)
                {
                    double sub = (fundamental / q) + (j * spacing);
                    var between = SumAt(view, sub, q * band, k => k % q != 0);
                    if (between.Count == 0) continue;

                    tests++;
                    double p = TailProbability.OfHarmonicSum(between.Sum, between.Count, view.NoiseDegreesOfFreedom);
                    if (p < bestP && Share(between, own) >= MinShare)
                    {
                        bestP = p;
                        bestFactor = q;
                        bestFundamental = sub;
                    }
                }
            }
        }

        if (bestFactor == 0 || TailProbability.Corrected(bestP, tests) > SubharmonicLevel) return false;

        fundamental = bestFundamental;
        harmonics *= bestFactor;
        return true;
    }

    /// <summary>
    /// The fundamental of a period found by folding: when the profile folded at <paramref name="period"/> points
    /// repeats itself q times (its q segments correlate), the period is period / q. The folded variance alone cannot
    /// tell: when the pattern fades over the run it can be as high at five times the period as at the period itself,
    /// so every q up to <see cref="MaxDivisor"/> that leaves segments of at least <paramref name="minPeriod"/> points is
    /// tried, smallest first. The
    /// segments need not be whole: a log written every k steps folds a period of 128.8 points best at 644.
    /// </summary>
    /// <returns>The period in points, fractional when the last q did not divide a whole period.</returns>
    public static double ResolveFold(SpectralView view, int period, double minPeriod)
    {
        ReadOnlySpan<double> series = view.Series;
        // The profile of an undifferenced view is compared by its changes (below), whose noise is correlated as the
        // series' changes are.
        double shortRange = ShortRangeCorrelation(view.Differenced ? series : Changes(series));
        double resolved = period;
        int found = period;
        while (true)
        {
            var profile = new double[found];
            for (int t = 0; t < series.Length; t++) profile[t % found] += series[t];

            if (!view.Differenced)
            {
                // Any two stretches of a smooth shape (a running mean's noise falling through the epoch) fall alike;
                // their changes are alike only where the shape itself repeats.
                double wrap = profile[0] - profile[^1];
                for (int i = found - 1; i > 0; i--) profile[i] -= profile[i - 1];

                profile[0] = wrap;
            }

            int divisors = Math.Min(MaxDivisor, (int)Math.Floor(found / minPeriod)) - 1;
            if (divisors < 1) break;

            // One-sided, Bonferroni over the divisors tried: SegmentScore standard deviations when only one is.
            double threshold = -Normal.InvCDF(0, 1, Normal.CDF(0, 1, -SegmentScore) / divisors);
            int shorter = 0;
            for (int q = 2; q <= MaxDivisor && found / (double)q >= minPeriod; q++)
            {
                double segment = found / (double)q;
                int length = (int)Math.Floor(segment);

                // Neighbouring segments, cyclically (the one pair for two): the cost stays linear in the period for any q.
                // Without repetition the cosines of different pairs are uncorrelated, each with variance shortRange / length.
                double cosines = 0;
                int pairs = q == 2 ? 1 : q;
                for (int a = 0; a < pairs; a++)
                {
                    int from = (int)Math.Round(a * segment), to = (int)Math.Round(((a + 1) % q) * segment);
                    cosines += Cosine(profile.AsSpan(from, length), profile.AsSpan(to, length));
                }

                if (cosines / pairs * Math.Sqrt(pairs * length / shortRange) >= threshold)
                {
                    shorter = q;
                    break;
                }
            }

            if (shorter == 0) break;

            resolved /= shorter;
            if (found % shorter != 0)
            {
                break; // a fractional period cannot be folded again point by point
            }

            found /= shorter;
        }

        return resolved;
    }

    private static double[] Changes(ReadOnlySpan<double> series)
    {
        var changes = new double[Math.Max(0, series.Length - 1)];
        for (int i = 0; i < changes.Length; i++) changes[i] = series[i + 1] - series[i];

        return changes;
    }

    /// <summary>1 + 2 * the sum of squared autocorrelations over lags 1..16: how much neighbouring values move together.</summary>
    public static double ShortRangeCorrelation(ReadOnlySpan<double> series)
    {
        int n = series.Length;
        double variance = 0;
        foreach (double v in series) variance += v * v;

        double sum = 1;
        for (int lag = 1; lag <= 16 && lag < n && variance > 0; lag++)
        {
            double r = 0;
            for (int t = lag; t < n; t++) r += series[t] * series[t - lag];

            sum += 2 * (r / variance) * (r / variance);
        }

        return sum;
    }

    /// <summary>The cosine between two centred vectors (0 when either is constant).</summary>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double meanA = 0, meanB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            meanA += a[i];
            meanB += b[i];
        }

        meanA /= a.Length;
        meanB /= b.Length;
        double dot = 0, normA = 0, normB = 0;
        for (int i = 0; i < a.Length; i++)
        {
            dot += (a[i] - meanA) * (b[i] - meanB);
            normA += (a[i] - meanA) * (a[i] - meanA);
            normB += (b[i] - meanB) * (b[i] - meanB);
        }

        return normA > 0 && normB > 0 ? dot / Math.Sqrt(normA * normB) : 0;
    }

    /// <summary>Mean excess power of <paramref name="part"/> over that of <paramref name="reference"/> (0 when the reference has none).</summary>
    private static double Share((double Sum, int Count) part, (double Sum, int Count) reference)
    {
        double referenceExcess = (reference.Sum / reference.Count) - 1;
        return referenceExcess <= 0 ? 0 : ((part.Sum / part.Count) - 1) / referenceExcess;
    }

    /// <summary>Normalised power summed over the harmonics k = 1..<paramref name="harmonics"/> that <paramref name="include"/> picks.</summary>
    private static (double Sum, int Count) SumAt(SpectralView view, double fundamental, int harmonics, Func<int, bool> include)
    {
        double sum = 0;
        int count = 0;
        for (int k = 1; k <= harmonics; k++)
        {
            if (!include(k)) continue;

            double power = view.PowerNear(k * fundamental);
            if (double.IsNaN(power)) break;

            sum += power;
            count++;
        }

        return (sum, count);
    }
}
