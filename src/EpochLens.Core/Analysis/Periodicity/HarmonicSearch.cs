namespace EpochLens.Analysis.Periodicity;

/// <summary>
/// Incoherent harmonic summing over a normalised periodogram. An epoch-aligned pattern puts power at every
/// multiple of 1 / period: a one-step spike at all of them alike, a sawtooth or a running mean's pieces mostly
/// at the first few, a fixed sample order's arbitrary profile anywhere. Sums of 1, 2, 4, ... 64 harmonics cover
/// these shapes; each fundamental is tried on a grid of 1 / H bins so the highest harmonic falls on a bin.
/// </summary>
internal static class HarmonicSearch
{
    public const int MaxHarmonics = 64;

    /// <summary>Local maxima kept per harmonic count.</summary>
    private const int KeptPerCount = 6;

    /// <summary>
    /// Adds the strongest local maxima for every harmonic count to <paramref name="found"/> and returns how many
    /// sums were tried (the multiplicity the p-values are corrected for).
    /// </summary>
    /// <param name="normalized">Power over the noise level, bins 0..Size / 2.</param>
    /// <param name="minFundamental">Lowest fundamental searched, in bins (the longest period).</param>
    /// <param name="maxFundamental">Highest fundamental searched, in bins (the shortest period).</param>
    public static long Search(ReadOnlySpan<double> normalized, double minFundamental, double maxFundamental, List<HarmonicTrial> found)
    {
        int topUsable = normalized.Length - 2;
        long tried = 0;
        Span<int> keptBins = stackalloc int[KeptPerCount];
        Span<double> keptSums = stackalloc double[KeptPerCount];
        for (int harmonics = 1; harmonics <= MaxHarmonics; harmonics <<= 1)
        {
            int first = Math.Max(harmonics, (int)Math.Ceiling(minFundamental * harmonics));
            int last = Math.Min(topUsable, (int)Math.Floor(maxFundamental * harmonics));
            if (last < first) continue;

            tried += last - first + 1;
            int kept = 0;
            int shift = System.Numerics.BitOperations.Log2((uint)harmonics);
            int halfH = harmonics >> 1;
            double beforePrevious = double.NegativeInfinity, previous = double.NegativeInfinity;
            for (int top = first; top <= last + 1; top++)
            {
                double sum = double.NegativeInfinity;
                if (top <= last)
                {
                    sum = 0;
                    for (int h = 1; h <= harmonics; h++) sum += normalized[((top * h) + halfH) >> shift];
                }

                // previous (at top - 1) is a local maximum: keep it if among the strongest so far.
                if (top > first && previous >= beforePrevious && previous >= sum)
                    Keep(keptBins, keptSums, ref kept, top - 1, previous);

                beforePrevious = previous;
                previous = sum;
            }

            for (int k = 0; k < kept; k++) found.Add(new HarmonicTrial(harmonics, keptBins[k], keptSums[k]));
        }

        return tried;
    }

    private static void Keep(Span<int> bins, Span<double> sums, ref int kept, int bin, double sum)
    {
        if (kept == bins.Length && sum <= sums[kept - 1]) return;

        int at = kept == bins.Length ? kept - 1 : kept++;
        while (at > 0 && sums[at - 1] < sum)
        {
            sums[at] = sums[at - 1];
            bins[at] = bins[at - 1];
            at--;
        }

        sums[at] = sum;
        bins[at] = bin;
    }
}
