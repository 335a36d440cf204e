namespace EpochLens.Analysis;

/// <summary>
/// The epoch length of a sparse log of running means reset each epoch (an average meter printed every few dozen
/// steps): too few points an epoch for the spectrum, and no level shift at the boundaries to fit. Such a curve steadies
/// like 1/k inside the epoch, since its k-th change is the k-th window's distance from the mean so far divided by k. So
/// at the true length, log|change| + log k is flat where log|change| alone is not.
/// </summary>
/// <remarks>
/// The statistic is the share of the variance of log|change| (a linear trend over the log removed, so that a run
/// whose changes shrink as it converges does not count) that log k explains at a fixed slope of -1: 0 where the
/// size of a change is unrelated to its place in the epoch. Its p-value is the best length's statistic against the
/// best over every length in the changes shuffled (a permutation test of the whole search, so every length tried is
/// accounted for). The length found must also de-average into plausible losses: a running mean's de-averaged values,
/// k m_k - (k-1) m_(k-1), are window means of a loss and never negative beyond the values' rounding.
/// </remarks>
public static class RunningMeanPeriod
{
    /// <summary>A found length: its steps, its permutation p-value, the variance share log k explains, and the epochs it puts in the log.</summary>
    public sealed record Found(double StepsPerEpoch, double PValue, double Flattening, int Epochs);

    private const int MinPointsPerEpoch = 8;

    private const int MinEpochs = 3;

    /// <summary>Longer logs are dense enough for the spectrum; the permutation test's cost grows with the square of the points.</summary>
    private const int MaxPoints = 1024;

    private const int Permutations = 199;

    /// <summary>De-averaged values below zero (beyond rounding) allowed, for a stray damaged line.</summary>
    private const double MaxNegativeShare = 0.02;

    /// <summary>Full epochs whose changes must shrink with k (their correlation with log k negative).</summary>
    private const double MinShrinkingShare = 0.75;

    public static Found? Search(MetricSeries loss, long origin, double significance = 0.01)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (Points(loss) is not var (steps, values) || steps.Length < (MinEpochs * MinPointsPerEpoch) + 1 || steps.Length > MaxPoints)
            return null;

        double stride = (steps[^1] - steps[0]) / (double)(steps.Length - 1);
        for (int i = 1; i < steps.Length; i++)
        {
            long gap = steps[i] - steps[i - 1];
            if (gap < 0.5 * stride || gap > 1.5 * stride)
            {
                return null; // the 1/k law holds for points evenly spaced in steps
            }
        }

        var changes = Changes(values);
        if (changes is null) return null;

        var lengths = Lengths(steps, origin, stride);
        if (lengths.Count == 0) return null;

        var logK = new double[steps.Length + 1];
        for (int k = 1; k < logK.Length; k++) logK[k] = Math.Log(k);

        var search = new LengthSearch(steps, origin, stride, lengths, logK);
        var (best, length) = search.Best(changes);
        if (best <= 0 || !Shrinks(steps, origin, stride, length, changes, logK) || !DeAveragesToLosses(steps, values, origin, stride, length))
            return null;

        var random = new Random(12345);
        var shuffled = (double[])changes.Clone();
        int atLeast = 0;
        for (int p = 0; p < Permutations; p++)
        {
            random.Shuffle(shuffled);
            if (search.Best(shuffled).Flattening >= best && (++atLeast + 1.0) / (Permutations + 1) > significance)
                return null;
        }

        double pValue = (atLeast + 1.0) / (Permutations + 1);
        int epochs = (int)Math.Floor((steps[^1] - origin) / length) + 1;
        // The grid's length stands for every length that puts the same logged points in each epoch: whole steps suffice.
        return new Found(Math.Max(1, Math.Round(length)), pValue, best, epochs);
    }

    /// <summary>The finite points; null when any is not above zero (a loss, so that de-averaging can be judged).</summary>
    private static (long[] Steps, double[] Values)? Points(MetricSeries loss)
    {
        var steps = new List<long>(loss.Count);
        var values = new List<double>(loss.Count);
        for (int i = 0; i < loss.Count; i++)
        {
            double v = loss.Values[i];
            if (!double.IsFinite(v)) continue;

            if (v <= 0) return null;

            steps.Add(loss.Steps[i]);
            values.Add(v);
        }

        return ([.. steps], [.. values]);
    }

    /// <summary>
    /// log|change| per point (index 0 unused, NaN where the value repeats), less its linear trend over the log; null when
    /// a fifth of the changes are zero (values rounded too coarsely to show the steadying).
    /// </summary>
    private static double[]? Changes(double[] values)
    {
        int n = values.Length;
        var b = new double[n];
        b[0] = double.NaN;
        int zero = 0;
        double st = 0, sb = 0, stt = 0, stb = 0;
        int m = 0;
        for (int j = 1; j < n; j++)
        {
            double d = Math.Abs(values[j] - values[j - 1]);
            if (d == 0)
            {
                b[j] = double.NaN;
                zero++;
                continue;
            }

            b[j] = Math.Log(d);
            st += j;
            sb += b[j];
            stt += (double)j * j;
            stb += j * b[j];
            m++;
        }

        if (zero > 0.2 * (n - 1) || m < 3) return null;

        double slope = ((m * stb) - (st * sb)) / ((m * stt) - (st * st));
        double intercept = (sb - (slope * st)) / m;
        for (int j = 1; j < n; j++) b[j] -= intercept + (slope * j);

        return b;
    }

    /// <summary>
    /// Lengths in steps from 8 points an epoch to a third of the log, on a grid fine enough that the last boundary
    /// moves by at most half a logged point between neighbours.
    /// </summary>
    private static List<double> Lengths(long[] steps, long origin, double stride)
    {
        double span = steps[^1] - origin + stride;
        var lengths = new List<double>();
        for (double length = MinPointsPerEpoch * stride; length <= span / MinEpochs; length += Math.Max(1, 0.5 * stride * length / span))
            lengths.Add(length);

        return lengths;
    }

    /// <summary>Position of point j in its epoch, counted in logged points from 1.</summary>
    private static int Position(long step, long origin, double stride, double length, out long epoch)
    {
        double since = step - origin;
        epoch = (long)Math.Floor(since / length);
        return (int)Math.Floor((since - (epoch * length)) / stride) + 1;
    }

    /// <summary>The best length over the grid for one arrangement of the changes.</summary>
    private sealed class LengthSearch(long[] steps, long origin, double stride, List<double> lengths, double[] logK)
    {
        // The positions depend on the length only: computed once, reused for every permutation.
        private readonly int[][] _positions = [.. lengths.Select(length => steps.Select(s => Math.Min(Position(s, origin, stride, length, out _), logK.Length - 1)).ToArray())];

        public (double Flattening, double Length) Best(double[] changes)
        {
            double sb = 0, sbb = 0;
            int m = 0;
            for (int j = 1; j < changes.Length; j++)
            {
                if (!double.IsNaN(changes[j]))
                {
                    sb += changes[j];
                    sbb += changes[j] * changes[j];
                    m++;
                }
            }

            double varB = (sbb / m) - ((sb / m) * (sb / m));
            double best = double.NegativeInfinity, bestLength = 0;
            for (int c = 0; c < _positions.Length; c++)
            {
                var k = _positions[c];
                double sl = 0, sll = 0, sbl = 0;
                for (int j = 1; j < changes.Length; j++)
                {
                    double b = changes[j];
                    if (double.IsNaN(b)) continue;

                    double l = logK[k[j]];
                    sl += l;
                    sll += l * l;
                    sbl += b * l;
                }

                // var(b + log k) = var(b) + var(log k) + 2 cov(b, log k)
                double varL = (sll / m) - ((sl / m) * (sl / m));
                double cov = (sbl / m) - ((sb / m) * (sl / m));
                double flattening = -(varL + (2 * cov)) / varB;
                if (flattening > best)
                {
                    best = flattening;
                    bestLength = lengths[c];
                }
            }

            return (best, bestLength);
        }
    }

    /// <summary>Whether most full epochs show the steadying on their own, not one or two strong ones.</summary>
    private static bool Shrinks(long[] steps, long origin, double stride, double length, double[] changes, double[] logK)
    {
        var byEpoch = new Dictionary<long, (double Sb, double Sl, double Sbb, double Sll, double Sbl, int N)>();
        for (int j = 1; j < steps.Length; j++)
        {
            if (double.IsNaN(changes[j])) continue;

            int k = Position(steps[j], origin, stride, length, out long epoch);
            double b = changes[j], l = logK[Math.Min(k, logK.Length - 1)];
            var s = byEpoch.GetValueOrDefault(epoch);
            byEpoch[epoch] = (s.Sb + b, s.Sl + l, s.Sbb + (b * b), s.Sll + (l * l), s.Sbl + (b * l), s.N + 1);
        }

        int full = 0, shrinking = 0;
        foreach (var s in byEpoch.Values)
        {
            if (s.N < 0.75 * length / stride) continue;

            full++;
            double cov = (s.Sbl / s.N) - (s.Sb / s.N * (s.Sl / s.N));
            shrinking += cov < 0 ? 1 : 0;
        }

        return full >= MinEpochs && shrinking >= MinShrinkingShare * full;
    }

    /// <summary>Whether de-averaging at this length gives back values a loss could have (rounding allowed for).</summary>
    private static bool DeAveragesToLosses(long[] steps, double[] values, long origin, double stride, double length)
    {
        double quantum = RoundingQuantum.Of(values);
        int negative = 0, judged = 0;
        for (int j = 1; j < steps.Length; j++)
        {
            int k = Position(steps[j], origin, stride, length, out long epoch);
            Position(steps[j - 1], origin, stride, length, out long previousEpoch);
            if (k < 2 || epoch != previousEpoch) continue;

            judged++;
            double raw = (k * values[j]) - ((k - 1) * values[j - 1]);
            negative += raw < -((2 * k) - 1) * quantum / 2 ? 1 : 0;
        }

        return judged > 0 && negative <= MaxNegativeShare * judged;
    }
}
