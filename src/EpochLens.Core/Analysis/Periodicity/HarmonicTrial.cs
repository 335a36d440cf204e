namespace EpochLens.Analysis.Periodicity;

/// <summary>One harmonic sum: the normalised power at the first <see cref="Harmonics"/> multiples of a fundamental.</summary>
/// <param name="Harmonics">How many harmonics were summed.</param>
/// <param name="TopBin">The bin of the highest harmonic; the fundamental is TopBin / Harmonics bins.</param>
/// <param name="Sum">The sum of the normalised power at the harmonics.</param>
internal readonly record struct HarmonicTrial(int Harmonics, int TopBin, double Sum)
{
    public double FundamentalBin => (double)TopBin / Harmonics;

    /// <summary>Excess over the noise expectation in standard deviations (a sum of H unit exponentials has mean and variance H).</summary>
    public double Score => (Sum - Harmonics) / Math.Sqrt(Harmonics);
}
