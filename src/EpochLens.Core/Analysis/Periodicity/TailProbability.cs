using MathNet.Numerics;

namespace EpochLens.Analysis.Periodicity;

/// <summary>Upper tail probabilities of the test statistics.</summary>
internal static class TailProbability
{
    /// <summary>
    /// P(F(2H, dfNoise) > sum / H): a sum of H unit exponentials over a noise level estimated with
    /// <paramref name="noiseDegreesOfFreedom"/>, so the estimate's own error widens the tail as it should.
    /// </summary>
    public static double OfHarmonicSum(double sum, int harmonics, double noiseDegreesOfFreedom)
    {
        if (!(sum > 0)) return 1;

        double d1 = 2.0 * harmonics, d2 = noiseDegreesOfFreedom;
        double f = sum / harmonics;
        double x = d2 / (d2 + (d1 * f));
        return Math.Clamp(SpecialFunctions.BetaRegularized(d2 / 2, d1 / 2, x), 0, 1);
    }

    /// <summary>Bonferroni: the chance of one trial this strong among <paramref name="trials"/>.</summary>
    public static double Corrected(double p, double trials) => Math.Min(1, p * Math.Max(1, trials));
}
