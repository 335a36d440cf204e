namespace EpochLens.Analysis;

/// <summary>
/// Whether the loss pattern by position repeats from epoch to epoch when an epoch holds too few logged points
/// (8 to 15) for <see cref="PositionCorrelation"/>'s rotation test: a printed log of the PyTorch MNIST example
/// shape, a line every few hundred samples. A fixed sample order puts the same batches at the same positions, so
/// neighbouring epochs' losses by position correlate sample by sample; reshuffled epochs are independent draws.
/// Each epoch's positions away from the boundary (the first three and the last are left out: a fresh optimizer, a
/// reload or a short last batch repeats there too) are taken from the detrended loss, less a quadratic in position
/// fitted to that epoch (a line where fewer than eight positions are tested: a sawtooth or a transient's tail is a
/// smooth shape, not an order); disjoint pairs of
/// consecutive epochs are correlated, and the Fisher-transformed correlations are tested for a mean above zero
/// with Student's t. The pairs share no epoch, so they are independent under reshuffling whatever the noise's
/// own correlation from step to step.
/// </summary>
public static class ShortEpochRepeat
{
    /// <summary>From this many positions per epoch on, <see cref="PositionCorrelation"/> measures it.</summary>
    public const int RotationFrom = 16;

    private const int MinBins = 10;

    private const int SkipHead = 3;

    private const int SkipTail = 1;

    /// <summary>Tested positions from which a quadratic, not a line, is taken off each epoch.</summary>
    private const int QuadraticFrom = 8;

    /// <summary>Pairs of epochs needed for a t test that means something.</summary>
    private const int MinPairs = 4;

    public static Measurement? Measure(PreparedSignal signal, PhaseProfile profile)
    {
        ArgumentNullException.ThrowIfNull(signal);
        ArgumentNullException.ThrowIfNull(profile);
        int bins = profile.BinCount;
        if (bins < MinBins || bins >= RotationFrom) return null;

        var rows = PositionRows(signal, bins);
        var transformed = new List<double>();
        for (int k = 0; k + 1 < rows.Count; k += 2)
        {
            if (Correlation(rows[k], rows[k + 1]) is { } r) transformed.Add(Math.Atanh(Math.Clamp(r, -0.999, 0.999)));
        }

        if (transformed.Count < MinPairs) return null;

        int n = transformed.Count;
        double mean = transformed.Average();
        // One-sided, from the two-sided t test the across-epoch tests use: only a positive correlation is an order.
        double twoSided = AcrossEpochTest.PValue(transformed)!.Value;
        double p = mean > 0 ? twoSided / 2 : 1 - (twoSided / 2);
        return new Measurement(
            MeasurementIds.PositionCorrelation,
            "Position-wise correlation of neighbouring epochs (short epochs)",
            Math.Tanh(mean),
            "correlation",
            0,
            Math.Max(1e-12, p),
            null,
            null,
            n,
            $"correlation, position by position, of {n} disjoint pairs of consecutive epochs over positions {SkipHead + 1} to {bins - SkipTail} of {bins}, each epoch less its own quadratic; Fisher-transformed, one-sided t test");
    }

    /// <summary>Each whole epoch's mean residual at the positions tested, less its own quadratic in position; NaN where a position has no point.</summary>
    private static List<double[]> PositionRows(PreparedSignal signal, int bins)
    {
        int width = bins - SkipHead - SkipTail;
        var rows = new List<double[]>();
        var z = signal.Z;
        var bin = signal.Bins;
        foreach (var (start, end) in signal.EpochRuns())
        {
            var sums = new double[width];
            var counts = new int[width];
            for (int i = start; i < end; i++)
            {
                int b = bin[i] - SkipHead;
                if (b >= 0 && b < width && double.IsFinite(z[i]))
                {
                    sums[b] += z[i];
                    counts[b]++;
                }
            }

            var row = new double[width];
            int present = 0;
            for (int b = 0; b < width; b++)
            {
                row[b] = counts[b] > 0 ? sums[b] / counts[b] : double.NaN;
                present += counts[b] > 0 ? 1 : 0;
            }

            if (present == width && RemoveQuadratic(row)) rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// Subtracts the least-squares quadratic in position (a line where fewer than <see cref="QuadraticFrom"/> positions
    /// would leave too little to correlate); false when the row is too short to leave anything.
    /// </summary>
    private static bool RemoveQuadratic(double[] row)
    {
        int n = row.Length;
        if (n < 5) return false;

        bool quadratic = n >= QuadraticFrom;

        // Orthogonal polynomials on positions 0..n-1: 1, t, t^2 - c.
        double centre = (n - 1) / 2.0;
        double c = ((double)n * n - 1) / 12;
        double mean = row.Average(), s1 = 0, s2 = 0, q1 = 0, q2 = 0;
        for (int i = 0; i < n; i++)
        {
            double t = i - centre, u = (t * t) - c;
            s1 += t * row[i];
            q1 += t * t;
            s2 += u * row[i];
            q2 += u * u;
        }

        for (int i = 0; i < n; i++)
        {
            double t = i - centre, u = (t * t) - c;
            row[i] -= mean + (s1 / q1 * t) + (quadratic ? s2 / q2 * u : 0);
        }

        return true;
    }

    private static double? Correlation(double[] a, double[] b)
    {
        double saa = 0, sbb = 0, sab = 0;
        for (int i = 0; i < a.Length; i++)
        {
            saa += a[i] * a[i];
            sbb += b[i] * b[i];
            sab += a[i] * b[i];
        }

        return saa > 0 && sbb > 0 ? sab / Math.Sqrt(saa * sbb) : null;
    }
}
