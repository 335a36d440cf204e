namespace EpochLens.Analysis;

/// <summary>
/// The residuals folded by position within the epoch: per bin, the mean and mean square of the robust z,
/// over all epochs and separately over odd and even epochs (two independent halves of the data, so that
/// "the pattern repeats" can be tested without reusing the same points).
/// </summary>
public sealed class PhaseProfile
{
    private PhaseProfile(double[] mean, double[] meanSquare, int[] counts, double[] oddMean, double[] evenMean, double[] oddDetail, double[] evenDetail)
    {
        Mean = mean;
        MeanSquare = meanSquare;
        Counts = counts;
        OddMean = oddMean;
        EvenMean = evenMean;
        OddDetail = oddDetail;
        EvenDetail = evenDetail;
    }

    /// <summary>Mean z per bin over all valid points (0 where a bin is empty).</summary>
    public double[] Mean { get; }

    /// <summary>Mean z squared per bin: the noise level by position.</summary>
    public double[] MeanSquare { get; }

    public int[] Counts { get; }

    /// <summary>Standard error of <see cref="Mean"/> per bin, from the spread of its points: the confidence band of the profile.</summary>
    public double StandardError(int bin) =>
        Counts[bin] > 1 ? Math.Sqrt(Math.Max(0, MeanSquare[bin] - (Mean[bin] * Mean[bin])) / (Counts[bin] - 1)) : double.NaN;

    /// <summary>Mean z per bin over odd-numbered epochs.</summary>
    public double[] OddMean { get; }

    /// <summary>Mean z per bin over even-numbered epochs.</summary>
    public double[] EvenMean { get; }

    /// <summary>Odd epochs' profile of the point-to-point detail (z minus its local mean): what a fixed order repeats.</summary>
    public double[] OddDetail { get; }

    /// <summary>Even epochs' profile of the point-to-point detail.</summary>
    public double[] EvenDetail { get; }

    public int BinCount => Mean.Length;

    /// <summary>The first bin with enough points: where each epoch's first logged point lies.</summary>
    public int FirstFilled { get; private init; }

    /// <summary>The last bin with enough points: where each epoch's last logged point lies.</summary>
    public int LastFilled { get; private init; }

    /// <summary>Points used per bin, typically the number of epochs.</summary>
    public double MedianCount
    {
        get
        {
            return Counts.Length == 0 ? 0 : OrderStatistics.UpperMedian(Counts.ToArray().AsSpan());
        }
    }

    /// <summary>Half-width in points of the local mean that <see cref="OddDetail"/> subtracts.</summary>
    public const int DetailHalfWidth = 3;

    public static PhaseProfile Fold(PreparedSignal signal)
    {
        ArgumentNullException.ThrowIfNull(signal);
        int bins = signal.BinCount;
        var sum = new double[bins];
        var sumSquares = new double[bins];
        var counts = new int[bins];
        var odd = new double[bins];
        var oddCounts = new int[bins];
        var even = new double[bins];
        var evenCounts = new int[bins];
        var oddDetail = new double[bins];
        var evenDetail = new double[bins];
        var z = signal.Z;
        var epochs = signal.Epochs;
        var binOf = signal.Bins;
        int first = signal.FirstValid, last = signal.LastValid;
        var prefix = new double[Math.Max(0, last - first + 2)];
        for (int i = first; i <= last; i++) prefix[i - first + 1] = prefix[i - first] + z[i];

        int segmentStart = first, segmentEnd = first;
        for (int i = first; i <= last; i++)
        {
            if (i >= segmentEnd)
            {
                segmentStart = i;
                segmentEnd = i;
                while (segmentEnd <= last && epochs[segmentEnd] == epochs[i]) segmentEnd++;
            }

            double v = z[i];
            int b = binOf[i];
            sum[b] += v;
            sumSquares[b] += v * v;
            counts[b]++;

            // Local mean of the neighbours within the same epoch, the point itself left out.
            int lo = Math.Max(segmentStart, i - DetailHalfWidth), hi = Math.Min(segmentEnd - 1, i + DetailHalfWidth);
            double detail = hi > lo ? v - ((prefix[hi - first + 1] - prefix[lo - first] - v) / (hi - lo)) : 0;
            if ((epochs[i] & 1) == 1)
            {
                odd[b] += v;
                oddDetail[b] += detail;
                oddCounts[b]++;
            }
            else
            {
                even[b] += v;
                evenDetail[b] += detail;
                evenCounts[b]++;
            }
        }

        var filled = FilledBins(counts);
        for (int b = 0; b < bins; b++)
        {
            sum[b] = counts[b] > 0 ? sum[b] / counts[b] : 0;
            sumSquares[b] = counts[b] > 0 ? sumSquares[b] / counts[b] : 0;
            odd[b] = oddCounts[b] > 0 ? odd[b] / oddCounts[b] : 0;
            oddDetail[b] = oddCounts[b] > 0 ? oddDetail[b] / oddCounts[b] : 0;
            even[b] = evenCounts[b] > 0 ? even[b] / evenCounts[b] : 0;
            evenDetail[b] = evenCounts[b] > 0 ? evenDetail[b] / evenCounts[b] : 0;
        }

        foreach (var values in new[] { sum, sumSquares, odd, even, oddDetail, evenDetail }) FillGaps(values, filled);

        return new PhaseProfile(sum, sumSquares, counts, odd, even, oddDetail, evenDetail)
        {
            FirstFilled = Array.IndexOf(filled, true),
            LastFilled = Array.LastIndexOf(filled, true),
        };
    }

    /// <summary>
    /// Bins holding at least half the typical count. With sparse logging an epoch length that is not a multiple
    /// of the logging stride leaves a last bin that only some epochs reach; such thin bins would be noisier
    /// than the rest and would stand out for that reason alone.
    /// </summary>
    private static bool[] FilledBins(int[] counts)
    {
        int typical = counts.Length == 0 ? 0 : OrderStatistics.UpperMedian(counts.ToArray().AsSpan());
        return counts.Select(c => c > 0 && 2 * c >= typical).ToArray();
    }

    /// <summary>Thin bins take the mean of their nearest filled neighbours, so window statistics stay defined.</summary>
    private static void FillGaps(double[] values, bool[] filled)
    {
        int n = values.Length;
        if (!filled.Contains(true)) return;

        for (int b = 0; b < n; b++)
        {
            if (filled[b]) continue;

            int before = b, after = b;
            do
            {
                before = (before - 1 + n) % n;
            }
            while (!filled[before]);
            do
            {
                after = (after + 1) % n;
            }
            while (!filled[after]);
            values[b] = 0.5 * (values[before] + values[after]);
        }
    }

}
