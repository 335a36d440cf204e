using EpochLens.Analysis.Periodicity;

namespace EpochLens.Analysis;

/// <summary>
/// The power spectrum of the detrended residual, on an axis of cycles per epoch, for reports to draw: a pattern
/// that repeats every epoch shows as peaks at whole numbers. Not a test (the epoch-length search has its own);
/// a picture of what that search saw.
/// </summary>
/// <param name="CyclesPerEpoch">Frequency of each point, in cycles per epoch of the structure's length.</param>
/// <param name="Power">Power at each frequency over the median power: 1 is the noise floor.</param>
public sealed record ResidualPeriodogram(double[] CyclesPerEpoch, double[] Power)
{
    /// <summary>The spectrum reaches this many cycles per epoch: enough for the harmonics a boundary effect has.</summary>
    public const double MaxCyclesPerEpoch = 12;

    /// <summary>Residual points per epoch kept after block-averaging: twice the highest frequency drawn, with room to spare.</summary>
    private const int PointsPerEpoch = 32;

    /// <summary>The largest transform: block means keep a 10-million-step log to a few milliseconds.</summary>
    private const int MaxSize = 1 << 20;

    /// <summary>The spectrum of <paramref name="signal"/>'s residual, or null when too short (under three epochs of points).</summary>
    public static ResidualPeriodogram? Compute(PreparedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        double pointsPerEpoch = signal.Structure.StepsPerEpoch / signal.BinWidth;
        if (signal.ValidCount < 3 * pointsPerEpoch || pointsPerEpoch < 4) return null;

        // Block means of the residual: periods shorter than a block are not drawn, so averaging them away loses nothing.
        int block = Math.Max(1, (int)Math.Floor(pointsPerEpoch / PointsPerEpoch));
        while (signal.ValidCount / block > MaxSize) block *= 2;

        var z = signal.Z;
        int length = signal.ValidCount / block;
        var means = new double[length];
        double total = 0;
        for (int b = 0; b < length; b++)
        {
            double sum = 0;
            int from = signal.FirstValid + (b * block);
            for (int i = from; i < from + block; i++) sum += z[i];

            means[b] = sum / block;
            total += means[b];
        }

        double mean = total / length;
        for (int b = 0; b < length; b++) means[b] -= mean;

        int size = 4;
        while (size < length)
        {
            size <<= 1;
        }

        var power = new double[(size / 2) + 1];
        new PowerSpectrum(size).Compute(means, power);
        double cyclesPerBin = pointsPerEpoch / block / size;
        int top = Math.Min(power.Length - 1, (int)Math.Floor(MaxCyclesPerEpoch / cyclesPerBin));
        if (top < 2) return null;

        var frequencies = new double[top];
        var values = new double[top];
        for (int k = 1; k <= top; k++)
        {
            frequencies[k - 1] = k * cyclesPerBin;
            values[k - 1] = power[k];
        }

        double floor = RobustStatistics.Median(values);
        if (floor > 0)
        {
            for (int k = 0; k < values.Length; k++) values[k] /= floor;
        }

        return new ResidualPeriodogram(frequencies, values);
    }
}
