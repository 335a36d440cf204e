namespace EpochLens.Analysis;

/// <summary>
/// Tests whether values at the boundaries sit too high or too low among their neighbours: per boundary, the
/// number of neighbours below the boundary's value, which is uniform on 0..m when nothing happens there
/// (the m + 1 values exchangeable), independent across boundaries. The sum of these counts is tested against
/// its exact null law (a convolution of discrete uniforms): with few boundaries a normal approximation of
/// the mean rank cannot give a p below about 1e-4 even when every boundary holds the extreme value, so a run
/// of five epochs where all five boundaries stand out would be reported as weaker evidence than it is.
/// </summary>
public static class UniformRankTest
{
    /// <summary>Beyond this many boundaries the normal approximation is accurate, and the exact law costly.</summary>
    private const int MaxExact = 64;

    /// <summary>Two-sided p of the summed counts.</summary>
    /// <param name="below">Per boundary, the neighbours below its value (a tie counts a half).</param>
    /// <param name="neighbours">Per boundary, the neighbours it was compared with.</param>
    public static double TwoSidedP(IReadOnlyList<double> below, IReadOnlyList<int> neighbours)
    {
        ArgumentNullException.ThrowIfNull(below);
        ArgumentNullException.ThrowIfNull(neighbours);
        int n = below.Count;
        if (n == 0 || neighbours.Count != n || neighbours.Any(m => m < 1))
            throw new ArgumentException("one neighbour count (at least 1) per boundary, and at least one boundary");

        double sum = below.Sum();
        if (n > MaxExact)
        {
            double mean = neighbours.Sum(m => m / 2.0);
            double variance = neighbours.Sum(m => ((m + 1.0) * (m + 1.0) - 1) / 12);
            double z = (Math.Abs(sum - mean) - 0.5) / Math.Sqrt(variance);
            return z <= 0 ? 1 : Math.Min(1, 2 * RotationTest.NormalUpperTail(z));
        }

        var law = NullLaw(neighbours);
        // The counts sum to a whole number; a tie's half rounds towards the middle, the conservative side.
        double upper = 0, lower = 0;
        for (int total = 0; total < law.Length; total++)
        {
            upper += total >= sum ? law[total] : 0;
            lower += total <= sum ? law[total] : 0;
        }

        return Math.Min(1, 2 * Math.Min(upper, lower));
    }

    /// <summary>The probability of each total of independent counts uniform on 0..m_i.</summary>
    internal static double[] NullLaw(IReadOnlyList<int> neighbours)
    {
        var law = new double[neighbours.Sum() + 1];
        law[0] = 1;
        int reach = 0;
        var next = new double[law.Length];
        foreach (int m in neighbours)
        {
            Array.Clear(next);
            double share = 1.0 / (m + 1);
            for (int total = 0; total <= reach; total++)
            {
                double p = law[total] * share;
                if (p == 0) continue;

                for (int j = 0; j <= m; j++) next[total + j] += p;
            }

            reach += m;
            Array.Copy(next, law, reach + 1);
        }

        return law;
    }
}
