namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// A loss series on a regular step grid, as step-to-step changes of its log (or of the values when some are not
/// positive), plus the coarser views the spectra are computed from. First differences are the detrending: they
/// remove any smooth trend, a fast early drop included, without a smoothing window that could swallow an epoch's
/// shape, and as a linear filter they leave each frequency's signal-to-noise ratio as it was.
/// </summary>
internal sealed class ResidualSeries
{
    /// <summary>Changes beyond this many robust standard deviations are clipped: per-sample losses are heavy-tailed.</summary>
    public const double ClipLimit = 6;

    /// <summary>
    /// Added to a change's size, in robust standard deviations, before its logarithm is taken: a log that repeats
    /// values (a printed loss rounded to four places) has changes of exactly 0, whose log would be unbounded.
    /// </summary>
    private const double LogFloor = 0.05;

    private readonly float[] _changes;
    private readonly double _center;
    private readonly double _clip;
    private readonly double _logFloor;

    private ResidualSeries(long origin, long stride, float[] changes, int validCount, bool logScale, RobustLevel level,
        int decimation, double[] decimatedLevels, int tailStart, double[] tailLevels)
    {
        Origin = origin;
        Stride = stride;
        _changes = changes;
        ValidCount = validCount;
        LogScale = logScale;
        _center = level.Median;
        _clip = ClipLimit * level.Scale;
        _logFloor = LogFloor * level.Scale;
        Decimation = decimation;
        DecimatedLevels = decimatedLevels;
        TailStart = tailStart;
        TailLevels = tailLevels;
    }

    /// <summary>The step of grid point 0 (the first finite value).</summary>
    public long Origin { get; }

    /// <summary>Steps between grid points: the logging interval.</summary>
    public long Stride { get; }

    /// <summary>Grid points from the first to the last finite value.</summary>
    public int Length => _changes.Length;

    public int ValidCount { get; }

    public bool LogScale { get; }

    /// <summary>Grid points per point of <see cref="DecimatedLevels"/>; 1 when the whole series fits one spectrum.</summary>
    public int Decimation { get; }

    /// <summary>Block means of the (log) values over <see cref="Decimation"/> grid points; empty when not decimated.</summary>
    public double[] DecimatedLevels { get; }

    /// <summary>The grid point where <see cref="TailLevels"/> begins.</summary>
    public int TailStart { get; }

    /// <summary>The (log) values of the last stretch at full resolution (the whole series when it fits one spectrum).</summary>
    public double[] TailLevels { get; }

    /// <summary>The step of a grid point.</summary>
    public double StepOf(double gridIndex) => Origin + (gridIndex * Stride);

    /// <summary>The clipped, centred change at grid point <paramref name="index"/> in a channel (NaN where missing).</summary>
    public double Value(int index, ResidualChannel channel) => Of(_changes[index], channel);

    /// <summary>Whether <see cref="ResidualChannel.LogMagnitude"/> has a scale to be taken on (changes not mostly zero).</summary>
    public bool HasLogScale => _logFloor > 0;

    private double Of(float raw, ResidualChannel channel)
    {
        double centred = raw - _center;
        return channel switch
        {
            ResidualChannel.Signed => Math.Clamp(centred, -_clip, _clip),
            ResidualChannel.Magnitude => Math.Min(Math.Abs(centred), _clip),
            _ => Math.Log(Math.Abs(centred) + _logFloor),
        };
    }

    /// <summary>Means of a channel over blocks of <paramref name="blockSize"/> grid points from <paramref name="start"/> (NaN where a block has no value).</summary>
    public double[] BlockMeans(ResidualChannel channel, int blockSize, int start = 0)
    {
        int count = (Length - start + blockSize - 1) / blockSize;
        var means = new double[count];
        float[] changes = _changes;
        for (int b = 0; b < count; b++)
        {
            int from = start + (b * blockSize), to = Math.Min(Length, from + blockSize);
            double sum = 0;
            int n = 0;
            for (int i = from; i < to; i++)
            {
                float change = changes[i];
                if (!float.IsNaN(change))
                {
                    sum += Of(change, channel);
                    n++;
                }
            }

            means[b] = n > 0 ? sum / n : double.NaN;
        }

        return means;
    }

    /// <summary>
    /// Maps finite values onto a grid of the typical logging interval and takes their changes. Returns null with
    /// the reason when there is nothing to search.
    /// </summary>
    public static ResidualSeries? Build(ReadOnlySpan<long> steps, ReadOnlySpan<double> values, int spectrumPoints, out string? whyNot)
    {
        if (steps.Length != values.Length)
            throw new ArgumentException($"{steps.Length} steps but {values.Length} values");

        int first = -1, last = -1, finite = 0;
        double min = double.PositiveInfinity;
        for (int i = 0; i < values.Length; i++)
        {
            double v = values[i];
            if (double.IsFinite(v))
            {
                if (first < 0) first = i;

                last = i;
                finite++;
                min = Math.Min(min, v);
            }

            if (i > 0 && steps[i] <= steps[i - 1])
                throw new ArgumentException($"steps must increase, but step {steps[i]} follows {steps[i - 1]} at index {i}");
        }

        if (finite < 2)
        {
            whyNot = $"the series has {finite} finite value{(finite == 1 ? "" : "s")}";
            return null;
        }

        long origin = steps[first];
        long span = steps[last] - origin;
        long stride = TypicalInterval(steps[first..(last + 1)]);
        if (span / stride > 4L * finite)
        {
            // Intervals too irregular for the typical one to make a sensible grid: spread the points evenly instead.
            stride = Math.Max(1, (span + finite - 2) / (finite - 1));
        }

        long gridLength = (span / stride) + 1;
        if (gridLength > Array.MaxLength / 2)
        {
            whyNot = $"the log spans {gridLength:N0} logging intervals, more than can be held";
            return null;
        }

        int length = (int)gridLength;
        int decimation = (int)Math.Max(1, (gridLength + spectrumPoints - 1) / spectrumPoints);
        int tailStart = decimation == 1 ? 0 : length - spectrumPoints;
        bool logScale = min > 0;

        var changes = new float[length];
        Array.Fill(changes, float.NaN);
        var tail = new double[length - tailStart];
        Array.Fill(tail, double.NaN);
        int blocks = decimation == 1 ? 0 : (length + decimation - 1) / decimation;
        var blockSums = new double[blocks];
        var blockCounts = new int[blocks];

        long previousStep = long.MinValue;
        int previousIndex = -2, valid = 0;
        double previousLevel = 0;
        for (int i = first; i <= last; i++)
        {
            double v = values[i];
            if (!double.IsFinite(v)) continue;

            long step = steps[i];
            int index = step - previousStep == stride
                ? previousIndex + 1
                : (int)Math.Round((step - origin) / (double)stride, MidpointRounding.AwayFromZero);
            previousStep = step;
            if (index <= previousIndex || index >= length)
            {
                continue; // an irregular step that rounds onto a taken grid point
            }

            double level = logScale ? Math.Log(v) : v;
            if (index == previousIndex + 1) changes[index] = (float)(level - previousLevel);

            if (blocks > 0)
            {
                int block = index / decimation;
                blockSums[block] += level;
                blockCounts[block]++;
            }

            if (index >= tailStart) tail[index - tailStart] = level;

            previousIndex = index;
            previousLevel = level;
            valid++;
        }

        var decimated = new double[blocks];
        for (int b = 0; b < blocks; b++) decimated[b] = blockCounts[b] > 0 ? blockSums[b] / blockCounts[b] : double.NaN;

        var changeLevel = RobustLevel.Of(changes);
        if (changeLevel.Scale == 0)
        {
            whyNot = "the series does not change from step to step";
            return null;
        }

        whyNot = null;
        return new ResidualSeries(origin, stride, changes, valid, logScale, changeLevel, decimation, decimated, tailStart, tail);
    }

    /// <summary>The median interval between logged steps, from an even sample of the intervals.</summary>
    private static long TypicalInterval(ReadOnlySpan<long> steps)
    {
        int intervals = steps.Length - 1;
        int step = Math.Max(1, intervals / 4096);
        var sample = new double[(intervals + step - 1) / step];
        for (int k = 0; k < sample.Length; k++)
        {
            int i = k * step;
            sample[k] = steps[i + 1] - steps[i];
        }

        return Math.Max(1, (long)OrderStatistics.UpperMedian(sample));
    }
}
