using EpochLens.Analysis.Periodicity;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>
/// The hand-written FFT behind every periodogram, checked against a direct O(n^2) DFT computed here: the
/// transform, the power and the autocorrelation, at the power-of-two sizes with the zero-padding the inference
/// uses (a series of between half the size and the size, any length, odd ones included).
/// </summary>
public class PowerSpectrumTests
{
    // Relative to the largest term the sums can reach (the root of n times the series' energy), as the rounding of
    // both an FFT and a direct sum grows with it. Every case here also passes at 1e-14; 1e-12 leaves room for
    // other processors and JIT code, while any wrong twiddle or index is off by far more.
    private const double Tolerance = 1e-12;

    [Theory]
    [InlineData(4, 4)]
    [InlineData(4, 3)]
    [InlineData(8, 5)]
    [InlineData(16, 16)]
    [InlineData(64, 33)]
    [InlineData(256, 255)]
    [InlineData(1024, 1000)]
    [InlineData(4096, 3073)]
    [InlineData(8192, 8192)] // the first size whose butterflies run block by block (half of 8192 is the cache block)
    [InlineData(16384, 9001)]
    public void The_transform_matches_a_direct_DFT(int size, int length)
    {
        double[] series = RandomSeries(length, seed: size + length);
        var (expectedRe, expectedIm) = DirectDft(series, size);
        var re = new double[(size / 2) + 1];
        var im = new double[(size / 2) + 1];

        new PowerSpectrum(size).Transform(series, re, im);

        double scale = Math.Sqrt(size * series.Sum(x => x * x));
        for (int k = 0; k <= size / 2; k++)
        {
            Assert.True(Math.Abs(re[k] - expectedRe[k]) <= Tolerance * scale, $"Re X[{k}] = {re[k]:R}, direct {expectedRe[k]:R}");
            Assert.True(Math.Abs(im[k] - expectedIm[k]) <= Tolerance * scale, $"Im X[{k}] = {im[k]:R}, direct {expectedIm[k]:R}");
        }
    }

    [Theory]
    [InlineData(32, 17)]
    [InlineData(2048, 1537)]
    [InlineData(8192, 6145)]
    public void The_power_matches_a_direct_DFT(int size, int length)
    {
        double[] series = RandomSeries(length, seed: size);
        var (expectedRe, expectedIm) = DirectDft(series, size);
        var power = new double[(size / 2) + 1];

        new PowerSpectrum(size).Compute(series, power);

        double energy = series.Sum(x => x * x);
        for (int k = 0; k <= size / 2; k++)
        {
            double expected = (expectedRe[k] * expectedRe[k]) + (expectedIm[k] * expectedIm[k]);
            Assert.True(Math.Abs(power[k] - expected) <= Tolerance * size * energy, $"P[{k}] = {power[k]:R}, direct {expected:R}");
        }
    }

    [Theory]
    [InlineData(1024, 3)]
    [InlineData(1024, 100)]
    [InlineData(8192, 1000)]
    public void A_pure_sinusoid_puts_all_its_power_in_its_bin(int size, int bin)
    {
        const double Amplitude = 1.7;
        var series = new double[size];
        for (int t = 0; t < size; t++)
        {
            series[t] = Amplitude * Math.Cos((2 * Math.PI * bin * t / size) + 0.4);
        }

        var power = new double[(size / 2) + 1];
        new PowerSpectrum(size).Compute(series, power);

        // A cos(2 pi m t / N + phi) over N points has |X_m| = A N / 2 and nothing at any other bin.
        double expected = Math.Pow(Amplitude * size / 2, 2);
        Assert.True(Math.Abs(power[bin] - expected) <= Tolerance * expected, $"P[{bin}] = {power[bin]:R}, expected {expected:R}");
        for (int k = 0; k <= size / 2; k++)
        {
            if (k != bin)
            {
                Assert.True(power[k] <= Tolerance * expected, $"P[{k}] = {power[k]:R}");
            }
        }
    }

    [Theory]
    [InlineData(64, 32)]
    [InlineData(4096, 2001)]
    public void The_autocorrelation_matches_direct_lag_sums(int size, int length)
    {
        double[] series = RandomSeries(length, seed: length);
        var lags = new double[length];

        new PowerSpectrum(size).Autocorrelation(series, lags);

        double energy = series.Sum(x => x * x);
        for (int lag = 0; lag < length; lag++)
        {
            double expected = 0;
            for (int t = 0; t + lag < length; t++)
            {
                expected += series[t] * series[t + lag];
            }

            Assert.True(Math.Abs(lags[lag] - expected) <= Tolerance * energy, $"r[{lag}] = {lags[lag]:R}, direct {expected:R}");
        }
    }

    [Theory]
    [InlineData(2)]
    [InlineData(12)]
    [InlineData(1000)]
    public void Sizes_other_than_powers_of_two_from_4_are_refused(int size) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new PowerSpectrum(size));

    private static double[] RandomSeries(int length, int seed)
    {
        var random = new Random(seed);
        var series = new double[length];
        for (int t = 0; t < length; t++)
        {
            // An offset as well as noise, so the zero-frequency bin and the padding's edge both matter.
            series[t] = 0.3 + random.NextDouble() - 0.5;
        }

        return series;
    }

    /// <summary>X_k = sum over t of x[t] e^(-2 pi i k t / n), the series zero-padded to n, for k = 0..n / 2.</summary>
    private static (double[] Re, double[] Im) DirectDft(double[] series, int n)
    {
        // Angles from k t mod n, read from one table, so the reference's own error stays at the rounding of the sums.
        var cos = new double[n];
        var sin = new double[n];
        for (int j = 0; j < n; j++)
        {
            cos[j] = Math.Cos(2 * Math.PI * j / n);
            sin[j] = Math.Sin(2 * Math.PI * j / n);
        }

        var re = new double[(n / 2) + 1];
        var im = new double[(n / 2) + 1];
        for (int k = 0; k <= n / 2; k++)
        {
            double sumRe = 0, sumIm = 0;
            for (int t = 0; t < series.Length; t++)
            {
                int j = (int)((long)k * t % n);
                sumRe += series[t] * cos[j];
                sumIm -= series[t] * sin[j];
            }

            re[k] = sumRe;
            im[k] = sumIm;
        }

        return (re, im);
    }
}
