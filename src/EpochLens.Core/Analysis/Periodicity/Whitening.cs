using System.Numerics;

namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Turns a series into the one a spectrum is computed from: outliers winsorized, slow trends removed, and filtered
/// by the autoregressive model that best predicts its noise. The trend removal (subtracting a long running mean)
/// and the filter are linear: they leave each frequency's signal-to-noise ratio alone, so a periodic signal loses
/// nothing against the noise at its frequencies, while the spectrum's leakage from trends and its colour go.
/// </summary>
/// <remarks>
/// A level series (the log loss) is differenced after that, which removes what trend is left. The colour
/// differencing gives its noise has a zero at frequency 0 that no autoregressive filter can undo, so its spectrum is
/// divided by the exact expectation instead (<see cref="DifferencedNoisePower"/>). Outliers are winsorized as
/// levels, around a local median: clipping the changes instead would leave a random walk behind.
/// </remarks>
internal static class Whitening
{
    private const int MaxOrder = 8;

    /// <summary>Window of the local mean removed before fitting the model: long next to its order.</summary>
    public const int FitWindow = 257;

    /// <summary>
    /// A window for a second fit that sees only the noise's short-range colour: a per-epoch shape of a few hundred
    /// steps survives the long window, and a model fitted to it would whiten the shape away with the noise.
    /// </summary>
    public const int ShortFitWindow = 33;

    /// <summary>Points per block of the local median that outliers are measured from.</summary>
    private const int LocalLevelBlock = 32;

    /// <summary>
    /// The whitened changes of a level series (one fewer than <paramref name="levels"/>), after removing its running
    /// mean over <paramref name="trendWindow"/> points and fitting the noise model after removing one over
    /// <paramref name="fitWindow"/>; missing values are bridged by the local level. Their mean is
    /// removed and returned in <paramref name="removedMean"/>.
    /// </summary>
    public static double[] FromLevels(ReadOnlySpan<double> levels, int trendWindow, int fitWindow, out double removedMean)
    {
        int n = levels.Length - 1;
        removedMean = 0;
        if (n < 2) return [];

        double[] y = Winsorize(levels);
        SubtractRunningMean(y, trendWindow);
        double[] model = FitModel(WithoutRunningMean(y, fitWindow));
        var x = new double[n];
        for (int i = 0; i < n; i++) x[i] = y[i + 1] - y[i];

        Filter(x, model);
        removedMean = SubtractMean(x);
        return x;
    }

    /// <summary>The whitened series of an already stationary series (the sizes of the changes).</summary>
    /// <param name="fitWindow">
    /// When given, the noise model is fitted after removing a running mean over this many points, so that it sees only
    /// short-range colour (as <see cref="ShortFitWindow"/> does for levels); else it is fitted to the series itself.
    /// </param>
    public static double[] FromStationary(ReadOnlySpan<double> values, int trendWindow, int? fitWindow = null)
    {
        if (values.Length < 2) return [];

        double[] x = Winsorize(values);
        SubtractRunningMean(x, trendWindow);
        Filter(x, FitModel(fitWindow is { } window ? WithoutRunningMean(x, window) : x));
        SubtractMean(x);
        return x;
    }

    /// <summary>
    /// The expected periodogram, per unit noise variance, of the mean-removed first differences of
    /// <paramref name="length"/> + 1 white-noise levels at bin <paramref name="bin"/> of a transform of
    /// <paramref name="size"/>: (n - 1) |1 - z|^2 from the inner points plus the two end points' own terms, which
    /// keep it from falling to zero at low frequencies (z = e^(-iw)).
    /// </summary>
    public static double DifferencedNoisePower(int bin, int size, int length)
    {
        double omega = 2 * Math.PI * bin / size;
        var z = Complex.FromPolarCoordinates(1, -omega);
        int n = length;
        Complex sumOfPowers = bin == 0 ? n : (1 - Complex.Pow(z, n)) / (1 - z);
        Complex meanShare = sumOfPowers / n;
        Complex last = Complex.Pow(z, n - 1);
        double first = (meanShare - 1).Magnitude, end = (last - meanShare).Magnitude;
        return (first * first) + (end * end) + ((n - 1) * 2 * (1 - Math.Cos(omega)));
    }

    /// <summary>
    /// A copy with each value pulled to within <see cref="ResidualSeries.ClipLimit"/> robust standard deviations of
    /// the local median (block medians, interpolated), and missing values set to it.
    /// </summary>
    private static double[] Winsorize(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        double[] local = LocalMedian(values);
        var result = new double[n];
        for (int i = 0; i < n; i++) result[i] = values[i] - local[i];

        var level = RobustLevel.Of(result);
        double clip = ResidualSeries.ClipLimit * level.Scale;
        for (int i = 0; i < n; i++)
        {
            double residual = result[i];
            result[i] = local[i] + level.Median + (double.IsNaN(residual) ? 0 : Math.Clamp(residual - level.Median, -clip, clip));
        }

        return result;
    }

    /// <summary>Medians of blocks of <see cref="LocalLevelBlock"/> points, interpolated linearly between block centres.</summary>
    private static double[] LocalMedian(ReadOnlySpan<double> values)
    {
        int n = values.Length;
        int blocks = Math.Max(1, n / LocalLevelBlock);
        var centers = new List<double>(blocks);
        var medians = new List<double>(blocks);
        var scratch = new double[(n / blocks) + 1];
        for (int b = 0; b < blocks; b++)
        {
            int from = (int)((long)b * n / blocks), to = (int)((long)(b + 1) * n / blocks);
            int count = 0;
            for (int i = from; i < to; i++)
            {
                if (!double.IsNaN(values[i])) scratch[count++] = values[i];
            }

            if (count > 0)
            {
                centers.Add(0.5 * (from + to - 1));
                medians.Add(OrderStatistics.UpperMedian(scratch.AsSpan(0, count)));
            }
        }

        var local = new double[n];
        if (centers.Count == 0) return local;

        int block = 0;
        for (int i = 0; i < n; i++)
        {
            while (block < centers.Count - 1 && centers[block + 1] < i) block++;

            local[i] = i <= centers[0] ? medians[0]
                : block == centers.Count - 1 ? medians[^1]
                : medians[block] + ((i - centers[block]) / (centers[block + 1] - centers[block]) * (medians[block + 1] - medians[block]));
        }

        return local;
    }

    private static double SubtractMean(double[] x)
    {
        double mean = 0;
        foreach (double v in x) mean += v;

        mean /= x.Length;
        for (int i = 0; i < x.Length; i++) x[i] -= mean;

        return mean;
    }

    /// <summary>Subtracts the centred running mean over <paramref name="window"/> points (shrinking at the ends); nothing when the window is shorter than 3.</summary>
    private static void SubtractRunningMean(double[] x, int window)
    {
        if (window < 3 || window >= x.Length) return;

        int n = x.Length, half = window / 2;
        var prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];

        for (int i = 0; i < n; i++)
        {
            int from = Math.Max(0, i - half), to = Math.Min(n, i + half + 1);
            x[i] -= (prefix[to] - prefix[from]) / (to - from);
        }
    }

    private static double[] WithoutRunningMean(double[] x, int window)
    {
        var copy = (double[])x.Clone();
        SubtractRunningMean(copy, Math.Min(window, Math.Max(3, x.Length / 8)));
        return copy;
    }

    /// <summary>Coefficients 1..p of the autoregressive order (up to <see cref="MaxOrder"/>) that minimises AIC; empty for none.</summary>
    private static double[] FitModel(ReadOnlySpan<double> x)
    {
        int n = x.Length;
        int maxOrder = Math.Min(MaxOrder, n / 16);
        if (maxOrder < 1) return [];

        Span<double> autocovariance = stackalloc double[maxOrder + 1];
        for (int lag = 0; lag <= maxOrder; lag++)
        {
            double sum = 0;
            for (int t = lag; t < n; t++) sum += x[t] * x[t - lag];

            autocovariance[lag] = sum / n;
        }

        if (autocovariance[0] <= 0) return [];

        // Levinson-Durbin: coefficients and prediction error for every order at once.
        var coefficients = new double[maxOrder + 1];
        var previous = new double[maxOrder + 1];
        double[] best = [];
        double error = autocovariance[0];
        double bestCriterion = n * Math.Log(error);
        for (int order = 1; order <= maxOrder; order++)
        {
            double accumulated = autocovariance[order];
            for (int j = 1; j < order; j++) accumulated -= coefficients[j] * autocovariance[order - j];

            double reflection = accumulated / error;
            if (!double.IsFinite(reflection) || Math.Abs(reflection) >= 1) break;

            Array.Copy(coefficients, previous, coefficients.Length);
            coefficients[order] = reflection;
            for (int j = 1; j < order; j++) coefficients[j] = previous[j] - (reflection * previous[order - j]);

            error *= 1 - (reflection * reflection);
            double criterion = (n * Math.Log(error)) + (2 * order);
            if (criterion < bestCriterion)
            {
                bestCriterion = criterion;
                best = coefficients[1..(order + 1)];
            }
        }

        return best;
    }

    /// <summary>Replaces <paramref name="x"/> by its prediction errors under the model.</summary>
    private static void Filter(double[] x, double[] model)
    {
        // Backwards, so each prediction still reads the original values it needs.
        for (int t = x.Length - 1; t >= 1; t--)
        {
            double prediction = 0;
            for (int j = 0; j < model.Length && j < t; j++) prediction += model[j] * x[t - 1 - j];

            x[t] -= prediction;
        }
    }
}
