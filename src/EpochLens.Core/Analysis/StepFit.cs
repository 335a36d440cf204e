namespace EpochLens.Analysis;

/// <summary>
/// Least squares of y = a + b t + d [t &gt; 0] over the h blocks before a cut and the h after it (t the block's
/// distance from the cut, half-integers): d is the step at the cut, clear of the slope both sides share.
/// </summary>
internal readonly record struct StepFit(double Step, double StepVarianceFactor, double ResidualSquares, int Degrees, double LagProducts)
{
    /// <summary>The fit over blocks [cut - h, cut + h) of <paramref name="level"/>.</summary>
    public static StepFit At(double[] level, int cut, int h)
    {
        // Normal equations of the three regressors 1, t, s (s = 1 after the cut). By symmetry sum(t) = 0.
        double n = 2 * h, st = 0, stt = 0, ss = h, sts = 0, sy = 0, sty = 0, ssy = 0;
        for (int i = cut - h; i < cut + h; i++)
        {
            double t = i - cut + 0.5, s = i >= cut ? 1 : 0, y = level[i];
            st += t;
            stt += t * t;
            sts += t * s;
            sy += y;
            sty += t * y;
            ssy += s * y;
        }

        var inverse = Invert3(n, st, ss, stt, sts, ss);
        double a = (inverse[0, 0] * sy) + (inverse[0, 1] * sty) + (inverse[0, 2] * ssy);
        double b = (inverse[1, 0] * sy) + (inverse[1, 1] * sty) + (inverse[1, 2] * ssy);
        double d = (inverse[2, 0] * sy) + (inverse[2, 1] * sty) + (inverse[2, 2] * ssy);
        double squares = 0, lag = 0, previous = double.NaN;
        for (int i = cut - h; i < cut + h; i++)
        {
            double t = i - cut + 0.5;
            double r = level[i] - (a + (b * t) + (i >= cut ? d : 0));
            squares += r * r;
            if (!double.IsNaN(previous)) lag += r * previous;

            previous = r;
        }

        return new StepFit(d, inverse[2, 2], squares, (2 * h) - 3, lag);
    }

    /// <summary>
    /// Each fit's step variance from the noise pooled over all fits (or its own window's, when larger, so one disturbed
    /// window cannot carry a test), inflated for the residuals' lag-one autocorrelation: a smoothed log (an EMA, an
    /// overlapping window mean) has fewer independent points than blocks. Null when the fits leave no noise to measure.
    /// </summary>
    public static double[]? StepVariances(IReadOnlyList<StepFit> fits, out int degrees, out double rho)
    {
        double squares = fits.Sum(f => f.ResidualSquares);
        degrees = fits.Sum(f => f.Degrees);
        rho = 0;
        if (!(squares > 0) || degrees < 2) return null;

        double pooled = squares / degrees;
        rho = Math.Clamp(fits.Sum(f => f.LagProducts) / squares, 0, 0.9);
        double inflation = (1 + rho) / (1 - rho);
        var variances = new double[fits.Count];
        for (int i = 0; i < fits.Count; i++)
        {
            double noise = Math.Max(pooled, fits[i].ResidualSquares / Math.Max(1, fits[i].Degrees));
            variances[i] = noise * fits[i].StepVarianceFactor * inflation;
        }

        return variances;
    }

    /// <summary>Inverse of the symmetric matrix [[a, b, c], [b, d, e], [c, e, f]].</summary>
    private static double[,] Invert3(double a, double b, double c, double d, double e, double f)
    {
        double c00 = (d * f) - (e * e), c01 = (c * e) - (b * f), c02 = (b * e) - (c * d);
        double c11 = (a * f) - (c * c), c12 = (b * c) - (a * e), c22 = (a * d) - (b * b);
        double det = (a * c00) + (b * c01) + (c * c02);
        return new[,]
        {
            { c00 / det, c01 / det, c02 / det },
            { c01 / det, c11 / det, c12 / det },
            { c02 / det, c12 / det, c22 / det },
        };
    }
}
