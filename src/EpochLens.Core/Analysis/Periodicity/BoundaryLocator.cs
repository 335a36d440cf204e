namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Where inside the period the strongest change sits: the phase whose folded change (or size of change) stands
/// furthest from the rest, in standard errors. A change at grid point t is the step from t - 1 to t, so a jump
/// at the first step of each epoch shows at phase 0.
/// </summary>
internal static class BoundaryLocator
{
    private const int MaxBins = 1 << 16;

    public static long Locate(ResidualSeries series, long period)
    {
        long stride = series.Stride;
        int bins = (int)Math.Clamp(period / stride, 1, Math.Min(MaxBins, Math.Max(1, series.ValidCount / 3)));
        var signedSums = new double[bins];
        var magnitudeSums = new double[bins];
        var counts = new int[bins];
        double binsPerStep = bins / (double)period;
        double phase = FoldedHarmonics.PositiveRemainder(series.Origin, period);
        double advance = FoldedHarmonics.PositiveRemainder(stride, period);
        double signedTotal = 0, signedSquares = 0, magnitudeTotal = 0, magnitudeSquares = 0;
        int n = 0;
        for (int t = 0; t < series.Length; t++)
        {
            double change = series.Value(t, ResidualChannel.Signed);
            if (!double.IsNaN(change))
            {
                int bin = Math.Min(bins - 1, (int)(phase * binsPerStep));
                double size = Math.Abs(change);
                signedSums[bin] += change;
                magnitudeSums[bin] += size;
                counts[bin]++;
                signedTotal += change;
                signedSquares += change * change;
                magnitudeTotal += size;
                magnitudeSquares += size * size;
                n++;
            }

            phase += advance;
            if (phase >= period) phase -= period;
        }

        if (n < 2) return 0;

        double signedMean = signedTotal / n, magnitudeMean = magnitudeTotal / n;
        double signedSd = Math.Sqrt(Math.Max(1e-300, (signedSquares / n) - (signedMean * signedMean)));
        double magnitudeSd = Math.Sqrt(Math.Max(1e-300, (magnitudeSquares / n) - (magnitudeMean * magnitudeMean)));
        int bestBin = 0;
        double bestZ = double.NegativeInfinity;
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] == 0) continue;

            double root = Math.Sqrt(counts[b]);
            double signedZ = Math.Abs((signedSums[b] / counts[b]) - signedMean) * root / signedSd;
            double magnitudeZ = ((magnitudeSums[b] / counts[b]) - magnitudeMean) * root / magnitudeSd;
            double z = Math.Max(signedZ, magnitudeZ);
            if (z > bestZ)
            {
                bestZ = z;
                bestBin = b;
            }
        }

        return Math.Min(period - 1, (long)Math.Ceiling(bestBin / binsPerStep));
    }
}
