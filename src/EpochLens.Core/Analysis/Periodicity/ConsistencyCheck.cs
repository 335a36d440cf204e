using MathNet.Numerics.Distributions;

namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Whether a candidate pattern repeats rather than happening once. The harmonic amplitudes are computed separately
/// over the odd and the even epochs; a repeating pattern points both the same way, while a one-time event (a fast
/// early drop, a step, a burst) sits in one half and leaves the other pointing anywhere. The cosine between the two
/// vectors of 2H real components has a known null distribution whenever one of them points at random (a Student t
/// with 2H - 1 degrees of freedom after the usual transform), however large the event in the other half.
/// </summary>
internal static class ConsistencyCheck
{
    /// <summary>At least this many harmonics are compared: one or two components alone can hardly show agreement.</summary>
    private const int MinHarmonics = 8;

    /// <summary>One-sided p-value of the agreement between odd and even epochs; 1 when there are too few epochs or harmonics.</summary>
    public static double PValue(SpectralView view, double fundamental, int harmonics)
    {
        ReadOnlySpan<double> series = view.Series;
        int n = series.Length, size = view.Size;
        double period = size / fundamental;
        if (n / period < 2) return 1;

        int count = Math.Min(Math.Max(harmonics, MinHarmonics), (int)Math.Floor(view.TopBin / fundamental));
        if (count < 1) return 1;

        double[] levels = CenteredLevels(view);
        var cos = new double[size];
        var sin = new double[size];
        for (int j = 0; j < size; j++)
        {
            double angle = 2 * Math.PI * j / size;
            cos[j] = Math.Cos(angle);
            sin[j] = -Math.Sin(angle);
        }

        double dot = 0, oddNorm = 0, evenNorm = 0;
        int mask = size - 1;
        for (int h = 1; h <= count; h++)
        {
            int bin = (int)Math.Round(h * fundamental, MidpointRounding.AwayFromZero);
            double weight = 1 / Math.Sqrt(view.NoiseLevel(bin));
            double oddRe = 0, oddIm = 0, evenRe = 0, evenIm = 0;
            long phase = 0;
            for (int t = 0; t < n; t++, phase += bin)
            {
                int j = (int)(phase & mask);
                double v = levels[t];
                if (((long)(t / period) & 1) == 0)
                {
                    evenRe += v * cos[j];
                    evenIm += v * sin[j];
                }
                else
                {
                    oddRe += v * cos[j];
                    oddIm += v * sin[j];
                }
            }

            dot += weight * weight * ((oddRe * evenRe) + (oddIm * evenIm));
            oddNorm += weight * weight * ((oddRe * oddRe) + (oddIm * oddIm));
            evenNorm += weight * weight * ((evenRe * evenRe) + (evenIm * evenIm));
        }

        if (oddNorm <= 0 || evenNorm <= 0) return 1;

        double cosine = Math.Clamp(dot / Math.Sqrt(oddNorm * evenNorm), -1 + 1e-15, 1 - 1e-15);
        int freedom = (2 * count) - 1;
        double t2 = cosine * Math.Sqrt(freedom) / Math.Sqrt(1 - (cosine * cosine));
        return 1 - StudentT.CDF(0, 1, freedom, t2);
    }

    /// <summary>
    /// The same question for a pattern found by folding (all harmonics at once): the profiles folded from the odd
    /// and from the even epochs at <paramref name="period"/> points are correlated. Without a repeating pattern the
    /// correlation of two profiles of Q bins has variance S / Q (S: the series' short-range correlation, as in
    /// <see cref="FoldSearch"/>), whatever one half holds.
    /// </summary>
    public static double FoldPValue(SpectralView view, int period)
    {
        ReadOnlySpan<double> series = view.Series;
        int n = series.Length;
        if (period < 2 || n / period < 2) return 1;

        var odd = new double[period];
        var even = new double[period];
        for (int t = 0; t < n; t++)
        {
            var profile = (t / period & 1) == 0 ? even : odd;
            profile[t % period] += series[t];
        }

        double cosine = FundamentalCheck.Cosine(odd, even);
        double shortRange = FundamentalCheck.ShortRangeCorrelation(series);
        return Normal.CDF(0, 1, -cosine * Math.Sqrt(period / shortRange));
    }

    /// <summary>
    /// The levels the whitened series stands for, centred: amplitudes of a repeating level pattern add up across
    /// epochs. The changes get back the mean whitening took off them, or their running sum would tilt by a ramp that
    /// every epoch shares.
    /// </summary>
    private static double[] CenteredLevels(SpectralView view)
    {
        ReadOnlySpan<double> series = view.Series;
        int n = series.Length;
        var levels = new double[n];
        double running = 0, mean = 0;
        for (int t = 0; t < n; t++)
        {
            running = view.Differenced ? running + series[t] + view.RemovedMean : series[t];
            levels[t] = running;
            mean += running;
        }

        mean /= n;
        for (int t = 0; t < n; t++) levels[t] -= mean;

        return levels;
    }
}
