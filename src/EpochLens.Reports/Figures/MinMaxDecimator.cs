using System.Numerics;

namespace EpochLens.Reports.Figures;

/// <summary>
/// Thins a long series for drawing without hiding anything a reader would look for: per pixel column it keeps
/// the lowest and the highest point, in their order, so a single spike among ten million points still reaches
/// its full height. Non-finite values are skipped (a plot cannot draw them; the report counts them apart).
/// </summary>
public static class MinMaxDecimator
{
    /// <summary>Points for a line of <paramref name="columns"/> pixel columns: at most two per column.</summary>
    /// <param name="x">Ascending x of each point.</param>
    /// <param name="y">The values.</param>
    /// <param name="columns">Pixel columns of the plot area.</param>
    public static (double[] X, double[] Y) Decimate(ReadOnlySpan<double> x, ReadOnlySpan<double> y, int columns) => Decimate<double>(x, y, columns);

    /// <summary><see cref="Decimate(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/> for steps as x, without copying them.</summary>
    public static (double[] X, double[] Y) Decimate(ReadOnlySpan<long> steps, ReadOnlySpan<double> y, int columns) => Decimate<long>(steps, y, columns);

    // Generic over the x type so ten million steps are read in place rather than copied to doubles first.
    private static (double[] X, double[] Y) Decimate<T>(ReadOnlySpan<T> x, ReadOnlySpan<double> y, int columns)
        where T : INumberBase<T>
    {
        if (x.Length != y.Length) throw new ArgumentException($"x has {x.Length} points and y {y.Length}");

        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        int first = FirstFinite(y), last = LastFinite(y);
        if (first < 0) return ([], []);

        if (last - first + 1 <= 2 * columns) return Finite(x[first..(last + 1)], y[first..(last + 1)]);

        var xs = new List<double>(2 * columns);
        var ys = new List<double>(2 * columns);
        double x0 = double.CreateTruncating(x[first]), width = double.CreateTruncating(x[last]) - x0;
        int column = -1, minAt = -1, maxAt = -1;
        for (int i = first; i <= last; i++)
        {
            double v = y[i];
            if (!double.IsFinite(v)) continue;

            int c = width > 0 ? Math.Min(columns - 1, (int)((double.CreateTruncating(x[i]) - x0) / width * columns)) : 0;
            if (c != column)
            {
                Flush(x, y, minAt, maxAt, xs, ys);
                column = c;
                minAt = maxAt = i;
            }
            else if (v < y[minAt])
            {
                minAt = i;
            }
            else if (v > y[maxAt])
            {
                maxAt = i;
            }
        }

        Flush(x, y, minAt, maxAt, xs, ys);
        return ([.. xs], [.. ys]);
    }

    /// <summary>
    /// A band for drawing: per pixel column the lowest <paramref name="lower"/> and the highest <paramref name="upper"/>,
    /// at the column's first x, so the drawn band covers every point's band.
    /// </summary>
    public static (double[] X, double[] Lower, double[] Upper) Envelope(ReadOnlySpan<double> x, ReadOnlySpan<double> lower, ReadOnlySpan<double> upper, int columns)
    {
        if (x.Length != lower.Length || x.Length != upper.Length)
            throw new ArgumentException("x, lower and upper must have the same length");

        ArgumentOutOfRangeException.ThrowIfLessThan(columns, 1);
        var xs = new List<double>();
        var lows = new List<double>();
        var highs = new List<double>();
        if (x.Length == 0) return ([], [], []);

        double x0 = x[0], width = x[^1] - x0;
        int column = -1;
        for (int i = 0; i < x.Length; i++)
        {
            if (!double.IsFinite(lower[i]) || !double.IsFinite(upper[i])) continue;

            int c = x.Length <= 2 * columns || !(width > 0) ? i : Math.Min(columns - 1, (int)((x[i] - x0) / width * columns));
            if (c != column)
            {
                column = c;
                xs.Add(x[i]);
                lows.Add(lower[i]);
                highs.Add(upper[i]);
            }
            else
            {
                lows[^1] = Math.Min(lows[^1], lower[i]);
                highs[^1] = Math.Max(highs[^1], upper[i]);
            }
        }

        return ([.. xs], [.. lows], [.. highs]);
    }

    private static void Flush<T>(ReadOnlySpan<T> x, ReadOnlySpan<double> y, int minAt, int maxAt, List<double> xs, List<double> ys)
        where T : INumberBase<T>
    {
        if (minAt < 0) return;

        int a = Math.Min(minAt, maxAt), b = Math.Max(minAt, maxAt);
        xs.Add(double.CreateTruncating(x[a]));
        ys.Add(y[a]);
        if (b != a)
        {
            xs.Add(double.CreateTruncating(x[b]));
            ys.Add(y[b]);
        }
    }

    private static (double[] X, double[] Y) Finite<T>(ReadOnlySpan<T> x, ReadOnlySpan<double> y)
        where T : INumberBase<T>
    {
        var xs = new List<double>(x.Length);
        var ys = new List<double>(x.Length);
        for (int i = 0; i < x.Length; i++)
        {
            if (double.IsFinite(y[i]))
            {
                xs.Add(double.CreateTruncating(x[i]));
                ys.Add(y[i]);
            }
        }

        return ([.. xs], [.. ys]);
    }

    private static int FirstFinite(ReadOnlySpan<double> y)
    {
        for (int i = 0; i < y.Length; i++)
        {
            if (double.IsFinite(y[i])) return i;
        }

        return -1;
    }

    private static int LastFinite(ReadOnlySpan<double> y)
    {
        for (int i = y.Length - 1; i >= 0; i--)
        {
            if (double.IsFinite(y[i])) return i;
        }

        return -1;
    }
}
