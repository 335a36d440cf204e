namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// The power of a series at the first few harmonics of a trial period: the evidence the spectral search found,
/// evaluated at an exact period in steps. Each value enters at its exact phase (no phase bins, whose width would
/// make every trial within a bin's misalignment score the same).
/// </summary>
internal sealed class FoldedHarmonics
{
    private readonly int _harmonics;
    private readonly double[] _weights;
    private readonly double[] _re;
    private readonly double[] _im;

    /// <param name="harmonics">How many harmonics to sum.</param>
    /// <param name="weights">Weight of each harmonic (1 / its noise power), index 0 for the first.</param>
    public FoldedHarmonics(int harmonics, double[] weights)
    {
        _harmonics = harmonics;
        _weights = weights;
        _re = new double[harmonics];
        _im = new double[harmonics];
    }

    /// <param name="values">Block means (NaN where empty) at steps <paramref name="firstStep"/> + j * <paramref name="stepsPerValue"/>.</param>
    /// <param name="period">The trial period in steps.</param>
    public double Power(ReadOnlySpan<double> values, double firstStep, double stepsPerValue, long period)
    {
        Array.Clear(_re);
        Array.Clear(_im);
        double turn = 2 * Math.PI / period;
        double phase = PositiveRemainder(firstStep, period);
        double advance = PositiveRemainder(stepsPerValue, period);
        for (int j = 0; j < values.Length; j++)
        {
            double v = values[j];
            if (!double.IsNaN(v))
            {
                var (sin, cos) = Math.SinCos(turn * phase);
                double zr = cos, zi = -sin;
                for (int h = 0; h < _harmonics; h++)
                {
                    _re[h] += v * zr;
                    _im[h] += v * zi;
                    double next = (zr * cos) + (zi * sin);
                    zi = (zi * cos) - (zr * sin);
                    zr = next;
                }
            }

            phase += advance;
            if (phase >= period) phase -= period;
        }

        double power = 0;
        for (int h = 0; h < _harmonics; h++) power += _weights[h] * ((_re[h] * _re[h]) + (_im[h] * _im[h]));

        return power;
    }

    public static double PositiveRemainder(double value, double period)
    {
        double r = value % period;
        return r < 0 ? r + period : r;
    }
}
