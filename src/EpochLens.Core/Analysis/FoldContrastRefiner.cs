using MathNet.Numerics.Distributions;

namespace EpochLens.Analysis;

/// <summary>
/// Places an inferred epoch length by epoch folding: among lengths within 3 % of the spectrum's estimate, the one
/// whose folded profile of the detrended (log) loss varies most between phases. A smooth per-epoch shape (a
/// cosine warm restart, a sawtooth) puts its power in a few low harmonics, which place a period over a handful of
/// epochs only to a few percent; folding uses the whole shape. It moves the estimate only when the profile there
/// is clearly structured, clearly stronger and at least half a percent away, so impulse patterns and a fixed order
/// keep the sharper placement they already have.
/// </summary>
internal static class FoldContrastRefiner
{
    private const double Reach = 0.03;

    /// <summary>Searches of the reach, each from the best of the last when that sat at its edge.</summary>
    private const int MaxRounds = 3;

    private const int MaxPoints = 1 << 17;

    private const int MaxTrials = 400;

    /// <summary>Over more epochs than this the spectrum's harmonics already place the period finely.</summary>
    private const double MaxEpochs = 64;

    /// <summary>Phase bins of the fold: enough for a shape, few enough for each to hold many points.</summary>
    private const int MaxBins = 32;

    /// <summary>A neighbour must fold at least this much more between-phase variance to replace the estimate.</summary>
    private const double Gain = 1.03;

    /// <summary>Moves smaller than this share of the period are left alone.</summary>
    private const double MinMove = 0.005;

    /// <summary>The F test of the fold's phase bins must reach this for a move.</summary>
    private const double Significance = 1e-3;

    public static double Refine(ReadOnlySpan<long> steps, ReadOnlySpan<double> values, double period, long origin)
    {
        if (steps.Length < 2 || (steps[^1] - steps[0]) / period > MaxEpochs) return period;

        var (x, y) = Detrended(steps, values, period);
        int n = x.Length;
        if (n < 64 || period < 16) return period;

        double stride = (x[^1] - x[0]) / Math.Max(1.0, n - 1);
        int bins = (int)Math.Clamp(period / stride / 4, 4, MaxBins);
        double epochs = (x[^1] - x[0]) / period;
        if (epochs < 3 || epochs > MaxEpochs) return period;

        // Trials finer than a tenth of a bin's drift over the whole log cannot differ.
        double spacing = Math.Max(period > 64 ? 1 : 0.25, period / (10.0 * bins * epochs));
        spacing = Math.Max(spacing, 2 * Reach * period / MaxTrials);
        var sums = new double[bins];
        var counts = new int[bins];
        double total = 0, squares = 0;
        foreach (double v in y)
        {
            total += v;
            squares += v * v;
        }

        double grandMean = total / n;
        double totalSquares = squares - (n * grandMean * grandMean);

        double Between(double length)
        {
            Array.Clear(sums);
            Array.Clear(counts);
            for (int i = 0; i < n; i++)
            {
                double phase = (x[i] - origin) / length;
                int bin = (int)((phase - Math.Floor(phase)) * bins);
                bin = Math.Min(bins - 1, bin);
                sums[bin] += y[i];
                counts[bin]++;
            }

            double between = 0;
            for (int b = 0; b < bins; b++)
            {
                if (counts[b] > 0)
                {
                    double mean = sums[b] / counts[b];
                    between += counts[b] * (mean - grandMean) * (mean - grandMean);
                }
            }

            return between;
        }

        double start = Between(period);
        double best = start, bestLength = period;
        // A spectrum led astray by noise can sit further off than the reach: when the best fold lies at the reach's
        // edge, the search goes on from there, a few times at most.
        double centre = period;
        for (int round = 0; round < MaxRounds; round++)
        {
            for (double d = spacing; d <= Reach * centre; d += spacing)
            {
                foreach (double length in new[] { centre - d, centre + d })
                {
                    double between = Between(length);
                    if (between > best)
                    {
                        best = between;
                        bestLength = length;
                    }
                }
            }

            if (Math.Abs(bestLength - centre) < (Reach * centre) - spacing) break;

            centre = bestLength;
        }

        // Small moves are the sharper refiners' business (a fixed order's fold barely changes over a step or two, and
        // noise would pick among them); a move must also gain more between-phase variance than noise gives a fold.
        double within = Math.Max(1e-300, totalSquares - best);
        double noise = within / (n - bins);
        if (Math.Abs(bestLength - period) < MinMove * period || best < Gain * start || best - start < (bins - 1) * noise)
            return period;

        double f = best / (bins - 1) / noise;
        double p = 1 - FisherSnedecor.CDF(bins - 1, n - bins, f);
        return p <= Significance ? (period > 64 ? Math.Round(bestLength) : bestLength) : period;
    }

    /// <summary>The (log) loss minus its running mean over one period, on at most <see cref="MaxPoints"/> block means.</summary>
    private static (double[] X, double[] Y) Detrended(ReadOnlySpan<long> steps, ReadOnlySpan<double> values, double period)
    {
        bool positive = true;
        int finite = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (double.IsFinite(values[i]))
            {
                finite++;
                positive &= values[i] > 0;
            }
        }

        int block = Math.Max(1, (finite + MaxPoints - 1) / MaxPoints);
        var xs = new List<double>(finite / block + 1);
        var ys = new List<double>(finite / block + 1);
        double sx = 0, sy = 0;
        int inBlock = 0;
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) continue;

            sx += steps[i];
            sy += positive ? Math.Log(values[i]) : values[i];
            if (++inBlock == block)
            {
                xs.Add(sx / block);
                ys.Add(sy / block);
                sx = sy = 0;
                inBlock = 0;
            }
        }

        int n = xs.Count;
        var x = xs.ToArray();
        var level = ys.ToArray();
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + level[i];

        // A centred window of one period in steps, found by two pointers over the (increasing) block positions.
        var y = new double[n];
        int lo = 0, hi = 0;
        for (int i = 0; i < n; i++)
        {
            while (x[lo] < x[i] - (period / 2)) lo++;

            while (hi < n && x[hi] <= x[i] + (period / 2)) hi++;

            y[i] = level[i] - ((prefix[hi] - prefix[lo]) / (hi - lo));
        }

        // Only points with a whole window: the ends would fold a half-window's bias.
        int first = 0, last = n - 1;
        while (first < n && x[first] - (period / 2) < x[0]) first++;

        while (last >= 0 && x[last] + (period / 2) > x[^1]) last--;

        return last > first ? (x[first..(last + 1)], y[first..(last + 1)]) : ([], []);
    }
}
