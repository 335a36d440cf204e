using MathNet.Numerics.Distributions;

namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Epoch folding at every whole period at once: the variance of the profile folded at Q is
/// V(Q) = r(0) + 2 * sum over k of r(kQ), with r the autocorrelation sums, so one FFT gives every period. It sums
/// all Q / 2 harmonics, which is what a pattern of one or two steps per epoch needs when epochs are long: its power
/// is spread evenly over thousands of harmonics, too thinly for sums of 64 to see.
/// </summary>
/// <remarks>
/// Without periodicity the excess 2 * sum r(kQ) has mean 0 and variance 4 sigma^4 S sum (n - kQ), where S is the sum of
/// squared autocorrelations of the (whitened, possibly differenced) series over short lags; each r(kQ) sums many
/// products, so the excess over its standard deviation is close to normal.
/// </remarks>
internal static class FoldSearch
{
    /// <summary>Short-range correlation is measured up to this lag (the whitened series has little beyond).</summary>
    private const int CorrelationLags = 16;

    private const int Kept = 6;

    /// <summary>Adds the strongest local maxima over periods <paramref name="minPeriod"/>..<paramref name="maxPeriod"/> and returns how many periods were tried.</summary>
    public static long Search(ReadOnlySpan<double> series, int minPeriod, int maxPeriod, PowerSpectrum doubleSize, List<FoldTrial> found)
    {
        int n = series.Length;
        maxPeriod = Math.Min(maxPeriod, n / 2);
        if (maxPeriod < minPeriod || n < 4 * CorrelationLags) return 0;

        var r = new double[n];
        doubleSize.Autocorrelation(series, r);
        if (!(r[0] > 0)) return 0;

        double shortRange = 1;
        for (int lag = 1; lag <= CorrelationLags; lag++)
        {
            double rho = r[lag] / r[0];
            shortRange += 2 * rho * rho;
        }

        double variance = r[0] / n;
        var kept = new List<FoldTrial>(Kept + 1);
        double beforePrevious = double.NegativeInfinity, previous = double.NegativeInfinity;
        for (int period = minPeriod; period <= maxPeriod + 1; period++)
        {
            double score = double.NegativeInfinity;
            if (period <= maxPeriod)
            {
                double excess = 0, pairs = 0;
                for (int lag = period; lag < n; lag += period)
                {
                    excess += 2 * r[lag];
                    pairs += n - lag;
                }

                score = excess / (2 * variance * Math.Sqrt(shortRange * pairs));
            }

            if (period > minPeriod && previous >= beforePrevious && previous >= score)
                Keep(kept, new FoldTrial(period - 1, previous));

            beforePrevious = previous;
            previous = score;
        }

        found.AddRange(kept);
        return maxPeriod - minPeriod + 1;
    }

    /// <summary>One-sided normal tail of a score.</summary>
    public static double PValue(double score) => Normal.CDF(0, 1, -score);

    private static void Keep(List<FoldTrial> kept, FoldTrial trial)
    {
        if (kept.Count == Kept && trial.Score <= kept[^1].Score) return;

        int at = kept.FindIndex(k => k.Score < trial.Score);
        kept.Insert(at < 0 ? kept.Count : at, trial);
        if (kept.Count > Kept) kept.RemoveAt(Kept);
    }
}
