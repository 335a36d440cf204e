namespace EpochLens.Analysis;

/// <summary>
/// Turns a loss series into residuals that can be folded by position within the epoch.
/// <para>
/// Trend: a seasonal-trend split in the spirit of STL. A centred moving average exactly one epoch wide cannot
/// see any pattern that repeats every epoch, so its residuals keep the whole epoch pattern; that pattern is
/// folded into a first profile and removed, and the trend is then fitted again as a local quadratic (one
/// epoch wide) on what remains, because a moving average alone bends away from a fast-falling curve and
/// that bias, folded by epoch, would look like a sawtooth. Work is in log space when every value is
/// positive (losses are skewed; a multiplicative effect is the same size early and late), residuals are
/// scaled by a robust SD per block of points and clipped, so a heavy tail cannot dominate a mean.
/// </para>
/// </summary>
public static class SignalPreparation
{
    /// <summary>Residuals are clipped to this many robust SDs.</summary>
    public const double Clip = 5.0;

    /// <summary>Points per block of the robust scale: at least one epoch, and enough for a steady MAD.</summary>
    private const int MinBlock = 4096;

    /// <summary>Points sampled (evenly) per block for its MAD: plenty for a scale, and cheap on ten million points.</summary>
    private const int ScaleSample = 1024;

    /// <param name="breaks">Steps where the level may change at once (the decays of a step schedule): the trend is
    /// fitted on each side separately, never across one.</param>
    public static PreparedSignal Prepare(MetricSeries series, EpochStructure structure, IReadOnlyList<long>? breaks = null)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(structure);
        var (steps, values) = FinitePoints(series);
        int n = steps.Length;
        bool logSpace = n > 0;
        foreach (var v in values)
        {
            if (v <= 0)
            {
                logSpace = false;
                break;
            }
        }

        var u = new double[n];
        ParallelChunks.For(0, n, (start, end) =>
        {
            for (int i = start; i < end; i++) u[i] = logSpace ? Math.Log(values[i]) : values[i];
        });

        double binWidth = TypicalStride(steps);
        double epochSteps = structure.StepsPerEpoch;
        int binCount = Math.Max(1, (int)Math.Ceiling(epochSteps / binWidth - 1e-9));
        var epochs = new int[n];
        var bins = new int[n];
        Place(steps, structure, binWidth, binCount, epochs, bins);

        double half = epochSteps / 2;
        int firstValid = n, lastValid = -1;
        if (n > 0)
        {
            long lo = steps[0], hi = steps[n - 1];
            for (int i = 0; i < n; i++)
            {
                if (steps[i] - half >= lo && steps[i] + half <= hi && epochs[i] >= 0)
                {
                    firstValid = Math.Min(firstValid, i);
                    lastValid = i;
                }
            }
        }

        var z = new double[n];
        var trend = new double[n];
        Array.Fill(z, double.NaN);
        Array.Fill(trend, double.NaN);
        int blockSize = Math.Max(MinBlock, (int)Math.Ceiling(epochSteps / binWidth));
        var blockScale = new double[Math.Max(1, (n + blockSize - 1) / blockSize)];
        Array.Fill(blockScale, 1.0);
        if (lastValid < firstValid)
            return new PreparedSignal(steps, values, epochs, bins, z, trend, blockScale, blockSize, binCount, binWidth, logSpace, firstValid, lastValid, structure) { TypicalScale = double.NaN };

        var segments = Segments(steps, breaks);

        // 1. A one-epoch moving average, residuals, and clipping of wild points around it.
        var average = new double[n];
        MovingAverage(steps, u, half, average, segments);
        double sd = SampledResidualSd(u, average, firstValid, lastValid);
        if (!(sd > 0)) sd = 1e-12;

        // Clipped in place: the unclipped log values are not needed again.
        var clipped = u;
        ParallelChunks.For(0, n, (start, end) =>
        {
            for (int i = start; i < end; i++)
                clipped[i] = Math.Clamp(u[i], average[i] - (Clip * sd), average[i] + (Clip * sd));
        });

        // 2. The epoch pattern seen by a second moving average of the clipped values.
        MovingAverage(steps, clipped, half, average, segments);
        var seasonal = new double[binCount];
        var counts = new int[binCount];
        for (int i = firstValid; i <= lastValid; i++)
        {
            seasonal[bins[i]] += clipped[i] - average[i];
            counts[bins[i]]++;
        }

        double seasonalMean = 0;
        int filled = 0;
        for (int b = 0; b < binCount; b++)
        {
            if (counts[b] > 0)
            {
                seasonal[b] /= counts[b];
                seasonalMean += seasonal[b];
                filled++;
            }
        }

        seasonalMean = filled > 0 ? seasonalMean / filled : 0;
        for (int b = 0; b < binCount; b++) seasonal[b] = counts[b] > 0 ? seasonal[b] - seasonalMean : 0;

        // 3. The trend again, as a local quadratic of what is left without the pattern.
        var deseasoned = average;
        ParallelChunks.For(0, n, (start, end) =>
        {
            for (int i = start; i < end; i++) deseasoned[i] = clipped[i] - (bins[i] >= 0 ? seasonal[bins[i]] : 0);
        });

        foreach (var (from, to) in segments)
        {
            int segmentFirst = Math.Max(firstValid, from), segmentLast = Math.Min(lastValid, to - 1);
            if (segmentFirst <= segmentLast)
                LocalQuadraticTrend(steps, deseasoned, half, Math.Max(binWidth, epochSteps / 4), segmentFirst, segmentLast, trend, from, to);
        }

        // 4. Residuals scaled by a robust SD per block (the noise of a loss shrinks as it falls); z holds the
        // unscaled residual until its block's scale is known.
        var residual = z;
        ParallelChunks.For(firstValid, lastValid + 1, (start, end) =>
        {
            for (int i = start; i < end; i++) residual[i] = clipped[i] - trend[i];
        });

        var blockNoise = new double[ScaleSample + 1];
        var blockSds = new List<double>();
        for (int block = 0; block < blockScale.Length; block++)
        {
            int start = Math.Max(block * blockSize, firstValid);
            int end = Math.Min((block + 1) * blockSize, lastValid + 1);
            if (end - start < 16)
            {
                blockScale[block] = double.NaN;
                continue;
            }

            int stride = Math.Max(1, (end - start) / ScaleSample);
            int taken = 0;
            for (int i = start; i < end && taken < blockNoise.Length; i += stride)
                blockNoise[taken++] = residual[i] - seasonal[bins[i]];

            double blockSd = RobustStatistics.RobustSd(blockNoise.AsSpan(0, taken));
            blockScale[block] = blockSd > 0 ? blockSd : double.NaN;
            if (blockSd > 0) blockSds.Add(blockSd);
        }

        double typical = blockSds.Count > 0 ? RobustStatistics.Median(blockSds.ToArray()) : sd;
        for (int block = 0; block < blockScale.Length; block++)
        {
            if (double.IsNaN(blockScale[block])) blockScale[block] = typical;
        }

        ParallelChunks.For(firstValid, lastValid + 1, (start, end) =>
        {
            for (int i = start; i < end; i++) z[i] = Math.Clamp(residual[i] / blockScale[i / blockSize], -Clip, Clip);
        });

        return new PreparedSignal(steps, values, epochs, bins, z, trend, blockScale, blockSize, binCount, binWidth, logSpace, firstValid, lastValid, structure)
        {
            TypicalScale = typical,
            TrendBreaks = breaks ?? [],
        };
    }

    private static (long[] Steps, double[] Values) FinitePoints(MetricSeries series)
    {
        var allSteps = series.Steps;
        var allValues = series.Values;
        int finite = series.Count - series.NonFiniteCount;
        var steps = new long[finite];
        var values = new double[finite];
        int k = 0;
        for (int i = 0; i < allSteps.Length; i++)
        {
            if (double.IsFinite(allValues[i]))
            {
                steps[k] = allSteps[i];
                values[k] = allValues[i];
                k++;
            }
        }

        return (steps, values);
    }

    /// <summary>The median gap between logged steps (1 for per-step logs), from up to 100,000 gaps.</summary>
    internal static double TypicalStride(ReadOnlySpan<long> steps)
    {
        if (steps.Length < 2) return 1;

        int stride = Math.Max(1, (steps.Length - 1) / 100_000);
        var gaps = new List<double>();
        for (int i = 1; i < steps.Length; i += stride) gaps.Add(steps[i] - steps[i - 1]);

        return Math.Max(1, RobustStatistics.Median(gaps.ToArray()));
    }

    private static void Place(long[] steps, EpochStructure structure, double binWidth, int binCount, int[] epochs, int[] bins)
    {
        var starts = structure.StartSteps;
        int e = -1;
        for (int i = 0; i < steps.Length; i++)
        {
            while (e + 1 < starts.Length && starts[e + 1] <= steps[i]) e++;

            epochs[i] = e;
            bins[i] = e < 0 ? -1 : (int)Math.Min(binCount - 1, (steps[i] - starts[e]) / binWidth);
        }
    }

    /// <summary>Robust SD of value minus average over the valid range, from an even sample of at most 200,000 points.</summary>
    private static double SampledResidualSd(double[] values, double[] average, int firstValid, int lastValid)
    {
        int count = lastValid - firstValid + 1;
        int stride = Math.Max(1, count / 200_000);
        var sample = new double[(count + stride - 1) / stride];
        int k = 0;
        for (int i = firstValid; i <= lastValid && k < sample.Length; i += stride) sample[k++] = values[i] - average[i];

        return RobustStatistics.RobustSd(sample.AsSpan(0, k));
    }

    /// <summary>The index ranges [from, to) between the breaks; the whole series when there are none.</summary>
    private static List<(int From, int To)> Segments(long[] steps, IReadOnlyList<long>? breaks)
    {
        var segments = new List<(int, int)>();
        int from = 0;
        foreach (long at in (breaks ?? []).Order())
        {
            int index = LowerBound(steps, at);
            if (index > from && index < steps.Length)
            {
                segments.Add((from, index));
                from = index;
            }
        }

        segments.Add((from, steps.Length));
        return segments;
    }

    private static void MovingAverage(long[] steps, double[] values, double half, double[] result, List<(int From, int To)> segments)
    {
        foreach (var (from, to) in segments) MovingAverage(steps, values, half, result, from, to);
    }

    /// <summary>
    /// Mean of the values whose steps lie within [step - half, step + half), by two pointers over a running sum;
    /// only points in [<paramref name="from"/>, <paramref name="to"/>) are used or written.
    /// </summary>
    private static void MovingAverage(long[] steps, double[] values, double half, double[] result, int from, int to)
    {
        int n = to;
        int lo = from, hi = from;
        double sum = 0;
        for (int i = from; i < n; i++)
        {
            while (hi < n && steps[hi] < steps[i] + half) sum += values[hi++];

            while (steps[lo] < steps[i] - half) sum -= values[lo++];

            result[i] = sum / (hi - lo);
        }
    }

    /// <summary>
    /// A local quadratic fit (window +-<paramref name="half"/> steps) evaluated at knots every
    /// <paramref name="knotSpacing"/> steps and joined linearly; written into <paramref name="trend"/> for the valid range.
    /// Points outside [<paramref name="from"/>, <paramref name="to"/>) take no part in the fits.
    /// </summary>
    private static void LocalQuadraticTrend(long[] steps, double[] values, double half, double knotSpacing, int firstValid, int lastValid, double[] trend, int from, int to)
    {
        double first = steps[firstValid], last = steps[lastValid];
        int knotCount = Math.Max(2, (int)Math.Ceiling((last - first) / knotSpacing) + 1);
        double spacing = knotCount > 1 ? (last - first) / (knotCount - 1) : 1;
        if (spacing <= 0) spacing = 1;

        var knots = new double[knotCount];
        int chunks = steps.Length >= 1 << 20 ? Environment.ProcessorCount : 1;
        int perChunk = (knotCount + chunks - 1) / chunks;
        Parallel.For(0, chunks, chunk =>
        {
            int lo = -1, hi = 0;
            for (int k = chunk * perChunk; k < Math.Min(knotCount, (chunk + 1) * perChunk); k++)
            {
                double centre = first + (k * spacing);
                if (lo < 0) lo = Math.Max(from, LowerBound(steps, centre - half));

                while (lo < to && steps[lo] < centre - half) lo++;

                hi = Math.Max(hi, lo);
                while (hi < to && steps[hi] <= centre + half) hi++;

                knots[k] = FitQuadraticAt(steps, values, lo, hi, centre, half);
            }
        });

        ParallelChunks.For(firstValid, lastValid + 1, (start, end) =>
        {
            for (int i = start; i < end; i++)
            {
                double position = (steps[i] - first) / spacing;
                int k = Math.Min(knotCount - 2, (int)position);
                double f = position - k;
                trend[i] = (knots[k] * (1 - f)) + (knots[k + 1] * f);
            }
        });
    }

    /// <summary>The first index whose step is at least <paramref name="step"/>.</summary>
    private static int LowerBound(long[] steps, double step)
    {
        int index = Array.BinarySearch(steps, (long)Math.Ceiling(step));
        return index >= 0 ? index : ~index;
    }

    private static double FitQuadraticAt(long[] steps, double[] values, int lo, int hi, double centre, double half)
    {
        double s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0, t0 = 0, t1 = 0, t2 = 0;
        for (int i = lo; i < hi; i++)
        {
            double x = (steps[i] - centre) / half;
            double x2 = x * x;
            double y = values[i];
            s0 += 1;
            s1 += x;
            s2 += x2;
            s3 += x2 * x;
            s4 += x2 * x2;
            t0 += y;
            t1 += x * y;
            t2 += x2 * y;
        }

        if (s0 < 4) return s0 > 0 ? t0 / s0 : double.NaN;

        // Solve the 3x3 normal equations by Cramer's rule; only the intercept is needed.
        double det = (s0 * ((s2 * s4) - (s3 * s3))) - (s1 * ((s1 * s4) - (s3 * s2))) + (s2 * ((s1 * s3) - (s2 * s2)));
        if (Math.Abs(det) < 1e-12 * Math.Max(1, s0 * s2 * s4)) return t0 / s0;

        double detA = (t0 * ((s2 * s4) - (s3 * s3))) - (s1 * ((t1 * s4) - (s3 * t2))) + (s2 * ((t1 * s3) - (s2 * t2)));
        return detA / det;
    }
}
