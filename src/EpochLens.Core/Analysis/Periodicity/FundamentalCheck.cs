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

    /// <summary>Standard deviations of agreement between a folded profile's segments that make it a repetition.</summary>
    private const double SegmentScore = 3;

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
            if (harmonics < q || view.PeriodOf(fundamental * q) < minPeriod)
            {
                continue;
            }

            var between = SumAt(view, fundamental, harmonics, k => k % q != 0);
            var multiples = SumAt(view, fundamental, harmonics, k => k % q == 0);
            if (between.Count == 0 || multiples.Count == 0)
            {
                continue;
            }

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
            if (view.PeriodOf(fundamental / q) > maxPeriod)
            {
                continue;
            }

            for (int band = 1; band <= harmonics; band <<= 1)
            {
                double spacing = Math.Min(1.0 / (2 * q * band), range / q);
                int offsets = (int)Math.Ceiling((range / q / spacing) - 1e-9);
                for (int j = -offsets; j <= offsets; j++)
                {
                    double sub = (fundamental / q) + (j * spacing);
                    var between = SumAt(view, sub, q * band, k => k % q != 0);
                    if (between.Count == 0)
                    {
                        continue;
                    }

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

        if (bestFactor == 0 || TailProbability.Corrected(bestP, tests) > SubharmonicLevel)
        {
            return false;
        }

        fundamental = bestFundamental;
        harmonics *= bestFactor;
        return true;
    }

    /// <summary>
    /// The fundamental of a period found by folding: when the profile folded at <paramref name="period"/> points
    /// repeats itself q times (its q segments correlate, at <see cref="SegmentScore"/> standard deviations), the
    /// period is period / q. The folded variance alone cannot tell: it is as high at twice the period as at half of it.
    /// </summary>
    public static int ResolveFold(SpectralView view, int period, double minPeriod)
    {
        ReadOnlySpan<double> series = view.Series;
        double shortRange = ShortRangeCorrelation(series);
        for (int round = 0; round < 4; round++)
        {
            var profile = new double[period];
            for (int t = 0; t < series.Length; t++)
            {
                profile[t % period] += series[t];
            }

            int shorter = 0;
            foreach (int q in Factors)
            {
                int segment = period / q;
                if (period % q != 0 || segment < minPeriod)
                {
                    continue;
                }

                double cosines = 0;
                int pairs = 0;
                for (int a = 0; a < q; a++)
                {
                    for (int b = a + 1; b < q; b++)
                    {
                        cosines += Cosine(profile.AsSpan(a * segment, segment), profile.AsSpan(b * segment, segment));
                        pairs++;
                    }
                }

                if (cosines / pairs * Math.Sqrt(segment / shortRange) >= SegmentScore)
                {
                    shorter = segment;
                    break;
                }
            }

            if (shorter == 0)
            {
                break;
            }

            period = shorter;
        }

        return period;
    }

    /// <summary>1 + 2 * the sum of squared autocorrelations over lags 1..16: how much neighbouring values move together.</summary>
    public static double ShortRangeCorrelation(ReadOnlySpan<double> series)
    {
        int n = series.Length;
        double variance = 0;
        foreach (double v in series)
        {
            variance += v * v;
        }

        double sum = 1;
        for (int lag = 1; lag <= 16 && lag < n && variance > 0; lag++)
        {
            double r = 0;
            for (int t = lag; t < n; t++)
            {
                r += series[t] * series[t - lag];
            }

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
            if (!include(k))
            {
                continue;
            }

            double power = view.PowerNear(k * fundamental);
            if (double.IsNaN(power))
            {
                break;
            }

            sum += power;
            count++;
        }

        return (sum, count);
    }
}
