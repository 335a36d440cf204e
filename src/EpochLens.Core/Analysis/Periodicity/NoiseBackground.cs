namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Divides a periodogram by its local noise level, so that without periodicity each ordinate is about an
/// exponential variable of mean 1 whatever the colour of the noise. The level is the median of blocks of
/// neighbouring frequencies (robust to the few harmonics a period puts in a block), interpolated between blocks
/// on a log scale; blocks widen with frequency so the low end, where trends and slow noise live, stays local.
/// </summary>
internal sealed class NoiseBackground
{
    /// <summary>Independent ordinates per block: the median of 256 exponentials is within about 9% of its expectation.</summary>
    private const int BlockOrdinates = 256;

    private NoiseBackground(double[] normalized, double[] level, double degreesOfFreedom)
    {
        Normalized = normalized;
        Level = level;
        DegreesOfFreedom = degreesOfFreedom;
    }

    /// <summary>Power over the local noise level at each frequency bin (bins 0 and Size / 2 are 0).</summary>
    public double[] Normalized { get; }

    /// <summary>The local noise level (the mean power without periodicity) at each bin.</summary>
    public double[] Level { get; }

    /// <summary>
    /// Chi-square degrees of freedom that the noise level's estimate is worth: the median of N exponentials varies
    /// as much as the mean of about 0.48 N of them.
    /// </summary>
    public double DegreesOfFreedom { get; }

    /// <param name="power">Periodogram of length Size / 2 + 1.</param>
    /// <param name="oversampling">Transform size over the series length (zero padding makes neighbouring bins alike).</param>
    public static NoiseBackground Of(ReadOnlySpan<double> power, double oversampling)
    {
        int last = power.Length - 2; // bins 1..last exclude the mean and the Nyquist frequency
        var normalized = new double[power.Length];
        var level = new double[power.Length];
        Array.Fill(level, 1.0);
        if (last < 1) return new NoiseBackground(normalized, level, 2);

        int minWidth = Math.Min(last, (int)Math.Ceiling(BlockOrdinates * oversampling));
        var centers = new List<double>();
        var logLevels = new List<double>();
        var scratch = new double[last];
        for (int start = 1; start <= last;)
        {
            int width = Math.Max(minWidth, start / 4);
            int end = Math.Min(last, start + width - 1);
            if (last - end < minWidth / 2)
            {
                end = last; // no short block at the top
            }

            int count = end - start + 1;
            power.Slice(start, count).CopyTo(scratch);
            double median = OrderStatistics.UpperMedian(scratch.AsSpan(0, count));
            centers.Add(0.5 * (start + end));
            logLevels.Add(Math.Log(Math.Max(median, double.Epsilon) / Math.Log(2)));
            start = end + 1;
        }

        int block = 0;
        for (int k = 1; k <= last; k++)
        {
            while (block < centers.Count - 1 && centers[block + 1] < k) block++;

            double logLevel;
            if (k <= centers[0])
            {
                logLevel = logLevels[0];
            }
            else if (block == centers.Count - 1)
            {
                logLevel = logLevels[^1];
            }
            else
            {
                double t = (k - centers[block]) / (centers[block + 1] - centers[block]);
                logLevel = logLevels[block] + (t * (logLevels[block + 1] - logLevels[block]));
            }

            level[k] = Math.Exp(logLevel);
            normalized[k] = power[k] / level[k];
        }

        double independent = Math.Max(2, minWidth / oversampling);
        return new NoiseBackground(normalized, level, 2 * 0.48 * independent);
    }
}
