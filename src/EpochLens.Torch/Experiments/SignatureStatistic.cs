using EpochLens.Analysis;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// A signature's statistic on one run's phase profile, with the boundary moved to any offset: the same formulas
/// as the diagnosis engine's measurements, so that two runs can be compared offset by offset.
/// </summary>
internal sealed class SignatureStatistic
{
    private readonly Func<int, double> _atOffset;

    private SignatureStatistic(int binCount, int guard, Func<int, double> atOffset)
    {
        BinCount = binCount;
        Guard = guard;
        _atOffset = atOffset;
    }

    public int BinCount { get; }

    /// <summary>Offsets this close to the real boundary overlap it and are left out of a rotation null.</summary>
    public int Guard { get; }

    /// <summary>The statistic with the boundary moved by <paramref name="offset"/> positions (0: the real boundary).</summary>
    public double At(int offset) => _atOffset(offset);

    /// <summary>The statistic of <paramref name="kind"/> on <paramref name="analysis"/>, or null when its profile is too short for it.</summary>
    public static SignatureStatistic? Of(SignatureKind kind, EpochAnalysis analysis)
    {
        ArgumentNullException.ThrowIfNull(analysis);
        var profile = analysis.Profile;
        int bins = profile.BinCount;
        if (bins < 16 || profile.FirstFilled < 0)
        {
            return null;
        }

        return kind switch
        {
            SignatureKind.BoundaryJump => Jump(profile.Mean, 1),
            SignatureKind.BoundaryJumpWide => Jump(profile.Mean, BoundaryEventStudy.WideWindow(bins)),
            SignatureKind.PositionCorrelation => DetailCorrelation(profile),
            SignatureKind.SpreadDecay => SpreadDecay(analysis.Signal),
            SignatureKind.LastStepLevel => LastLevel(profile),
            SignatureKind.LastStepVariance => LastSpread(profile),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };
    }

    private static SignatureStatistic Jump(double[] mean, int h)
    {
        var prefix = CircularPrefix(mean);
        int n = mean.Length;
        return new SignatureStatistic(n, h, offset => WindowMean(prefix, n, offset, h) - WindowMean(prefix, n, offset - h, h));
    }

    private static SignatureStatistic LastLevel(PhaseProfile profile)
    {
        var mean = profile.Mean;
        int n = mean.Length, last = profile.LastFilled;
        double overall = mean.Average();
        return new SignatureStatistic(n, 2, offset => mean[Wrap(last + offset, n)] - overall);
    }

    private static SignatureStatistic LastSpread(PhaseProfile profile)
    {
        var square = profile.MeanSquare;
        int n = square.Length, last = profile.LastFilled;
        double typical = square.Average();
        return new SignatureStatistic(n, 2, offset => typical > 0 ? Math.Log(Math.Max(1e-9, square[Wrap(last + offset, n)]) / typical) : double.NaN);
    }

    /// <summary>As the engine's position-correlation: the boundary's neighbourhood masked, one side shifted by the offset.</summary>
    private static SignatureStatistic DetailCorrelation(PhaseProfile profile)
    {
        int n = profile.BinCount;
        int edge = Math.Max(PhaseProfile.DetailHalfWidth + 1, n / 100);
        var a = Masked(profile.OddDetail, edge);
        var b = Masked(profile.EvenDetail, edge);
        double meanA = a.Average(), meanB = b.Average();
        double normA = Math.Sqrt(a.Sum(v => (v - meanA) * (v - meanA)));
        double normB = Math.Sqrt(b.Sum(v => (v - meanB) * (v - meanB)));
        return new SignatureStatistic(n, PhaseProfile.DetailHalfWidth + 2, offset =>
        {
            if (normA == 0 || normB == 0)
            {
                return double.NaN;
            }

            double sum = 0;
            for (int i = 0; i < n; i++)
            {
                sum += (a[i] - meanA) * (b[Wrap(i + offset, n)] - meanB);
            }

            return sum / (normA * normB);
        });
    }

    /// <summary>
    /// As the engine's spread-decay: the mean absolute step-to-step change per position (in the analysis space),
    /// and the slope of its log against log position over doubling buckets, starting from the offset.
    /// </summary>
    private static SignatureStatistic SpreadDecay(PreparedSignal signal)
    {
        int bins = signal.BinCount;
        var change = new double[bins];
        var counts = new int[bins];
        var values = signal.Values;
        double Space(double v) => signal.LogSpace ? Math.Log(v) : v;
        for (int j = 1; j < signal.Count; j++)
        {
            if (signal.Epochs[j] < 0 || signal.Epochs[j - 1] != signal.Epochs[j])
            {
                continue;
            }

            change[signal.Bins[j]] += Math.Abs(Space(values[j]) - Space(values[j - 1]));
            counts[signal.Bins[j]]++;
        }

        var filled = new List<double>();
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] > 0)
            {
                change[b] /= counts[b];
                filled.Add(change[b]);
            }
        }

        // Bin 0 has no change inside its epoch; empty bins take the median so rotations stay defined.
        filled.Sort();
        double typical = filled.Count > 0 ? filled[filled.Count / 2] : 0;
        for (int b = 0; b < bins; b++)
        {
            if (counts[b] == 0)
            {
                change[b] = typical;
            }
        }

        var prefix = CircularPrefix(change);
        return new SignatureStatistic(bins, 2, offset =>
        {
            double sx = 0, sy = 0, sxx = 0, sxy = 0;
            int buckets = 0;
            for (int from = 1; from < bins; from *= 2)
            {
                int count = Math.Min(from, bins - from);
                double mean = WindowMean(prefix, bins, offset + from, count);
                if (!(mean > 0))
                {
                    continue;
                }

                double x = Math.Log(from + 1 + ((count - 1) / 2.0));
                double y = Math.Log(mean);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                buckets++;
            }

            double denominator = (buckets * sxx) - (sx * sx);
            return buckets >= 3 && denominator > 0 ? ((buckets * sxy) - (sx * sy)) / denominator : double.NaN;
        });
    }

    private static double[] Masked(double[] values, int edge)
    {
        var copy = (double[])values.Clone();
        for (int i = 0; i < edge && i < copy.Length; i++)
        {
            copy[i] = 0;
            copy[copy.Length - 1 - i] = 0;
        }

        return copy;
    }

    private static double[] CircularPrefix(double[] values)
    {
        int n = values.Length;
        var prefix = new double[(2 * n) + 1];
        for (int i = 0; i < 2 * n; i++)
        {
            prefix[i + 1] = prefix[i] + values[i % n];
        }

        return prefix;
    }

    private static double WindowMean(double[] prefix, int n, int start, int count)
    {
        int s = Wrap(start, n);
        return (prefix[s + count] - prefix[s]) / count;
    }

    private static int Wrap(int index, int n) => ((index % n) + n) % n;
}
