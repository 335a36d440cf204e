using System.Numerics;

namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// One normalised spectrum of one channel over one stretch of the series at one resolution, with the harmonic
/// sums found in it. Periods are in grid points (logging intervals) of the full series.
/// </summary>
internal sealed class SpectralView
{
    private readonly double[] _normalized;
    private readonly double[] _series;
    private readonly double[] _noiseLevel;

    private SpectralView(ResidualChannel channel, int decimation, bool wholeSeries, double[] series, bool differenced, double removedMean,
        int size, NoiseBackground background, List<HarmonicTrial> trials, long tried)
    {
        RemovedMean = removedMean;
        Channel = channel;
        Decimation = decimation;
        WholeSeries = wholeSeries;
        _series = series;
        Differenced = differenced;
        Size = size;
        _normalized = background.Normalized;
        _noiseLevel = background.Level;
        NoiseDegreesOfFreedom = background.DegreesOfFreedom;
        Trials = trials;
        Tried = tried;
    }

    public ResidualChannel Channel { get; }

    /// <summary>Grid points per point of this view.</summary>
    public int Decimation { get; }

    /// <summary>Whether the view covers the whole series (else its last stretch).</summary>
    public bool WholeSeries { get; }

    /// <summary>Points of the transformed series.</summary>
    public int SeriesLength => _series.Length;

    /// <summary>The whitened series the spectrum was computed from.</summary>
    public ReadOnlySpan<double> Series => _series;

    /// <summary>Whether <see cref="Series"/> holds changes of levels (else the values themselves).</summary>
    public bool Differenced { get; }

    /// <summary>The mean taken off the whitened changes (their running sum needs it back to stay level).</summary>
    public double RemovedMean { get; }

    /// <summary>The transform size (the series zero-padded to a power of two).</summary>
    public int Size { get; }

    public double NoiseDegreesOfFreedom { get; }

    public IReadOnlyList<HarmonicTrial> Trials { get; }

    /// <summary>Folded-variance trials (full-resolution views only, periods beyond what the harmonic sums cover).</summary>
    public IReadOnlyList<FoldTrial> FoldTrials { get; private init; } = [];

    /// <summary>How many harmonic sums the search tried.</summary>
    public long Tried { get; }

    /// <summary>Transform bins per independent frequency.</summary>
    public double Oversampling => (double)Size / SeriesLength;

    public int TopBin => _normalized.Length - 2;

    /// <summary>The local noise level the power at a bin was divided by (besides the differencing's own response).</summary>
    public double NoiseLevel(int bin) => _noiseLevel[Math.Clamp(bin, 1, TopBin)];

    /// <summary>The period in grid points of a fundamental given in bins.</summary>
    public double PeriodOf(double fundamentalBin) => Size / fundamentalBin * Decimation;

    /// <summary>The fundamental in bins of a period in grid points.</summary>
    public double FundamentalOf(double period) => Size / (period / Decimation);

    /// <summary>Normalised power at the bin nearest to <paramref name="bin"/>, or NaN beyond the usable bins.</summary>
    public double PowerNear(double bin)
    {
        int k = (int)Math.Round(bin, MidpointRounding.AwayFromZero);
        return k >= 1 && k <= TopBin ? _normalized[k] : double.NaN;
    }

    /// <summary>
    /// Whitens <paramref name="levels"/> (the log loss for the signed channel, sizes of changes for the other; at <paramref name="decimation"/> grid points per point),
    /// computes its normalised spectrum and searches periods from <paramref name="minPeriod"/> to
    /// <paramref name="maxPeriod"/> grid points. Null when the range holds no searchable period.
    /// <paramref name="trendWindow"/> is the running mean's window in view points (a few times the longest period).
    /// </summary>
    public static SpectralView? Search(ReadOnlySpan<double> levels, ResidualChannel channel, int decimation, bool wholeSeries,
        double minPeriod, double maxPeriod, int trendWindow, Dictionary<int, PowerSpectrum> transforms, int fitWindow = Whitening.FitWindow)
    {
        bool differenced = channel == ResidualChannel.Signed;
        double removedMean = 0;
        double[] series = differenced ? Whitening.FromLevels(levels, trendWindow, fitWindow, out removedMean) : Whitening.FromStationary(levels, trendWindow,
            channel == ResidualChannel.LogMagnitude ? Whitening.ShortFitWindow : null);
        if (series.Length < 16) return null;

        int size = (int)BitOperations.RoundUpToPowerOf2((uint)series.Length);
        PowerSpectrum transform = Transform(size, transforms);

        var power = new double[(size / 2) + 1];
        transform.Compute(series, power);
        if (differenced)
        {
            for (int k = 1; k < power.Length; k++) power[k] /= Whitening.DifferencedNoisePower(k, size, series.Length);
        }

        var background = NoiseBackground.Of(power, (double)size / series.Length);
        double minFundamental = size / (maxPeriod / decimation);
        double maxFundamental = size / (minPeriod / decimation);
        var trials = new List<HarmonicTrial>();
        long tried = HarmonicSearch.Search(background.Normalized, minFundamental, maxFundamental, trials);
        var foldTrials = new List<FoldTrial>();
        int foldFrom = (int)Math.Max(Math.Ceiling(minPeriod), (2 * HarmonicSearch.MaxHarmonics) + 1);
        if (decimation == 1 && foldFrom <= maxPeriod)
            tried += FoldSearch.Search(series, foldFrom, (int)Math.Floor(maxPeriod), Transform(2 * size, transforms), foldTrials);

        return tried == 0 ? null : new SpectralView(channel, decimation, wholeSeries, series, differenced, removedMean, size, background, trials, tried)
        {
            FoldTrials = foldTrials,
        };
    }

    private static PowerSpectrum Transform(int size, Dictionary<int, PowerSpectrum> transforms)
    {
        lock (transforms)
        {
            if (!transforms.TryGetValue(size, out var transform))
            {
                transform = new PowerSpectrum(size);
                transforms[size] = transform;
            }

            return transform;
        }
    }
}
