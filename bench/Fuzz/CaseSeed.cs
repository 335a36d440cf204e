namespace EpochLens.Bench.Fuzz;

/// <summary>The random seed of one case, from the run's seed and the case index: any case can be rebuilt on its own.</summary>
internal static class CaseSeed
{
    public static int Of(int runSeed, int index)
    {
        // SplitMix64's finaliser: neighbouring indices get unrelated seeds.
        ulong z = ((ulong)(uint)runSeed << 32 | (uint)index) + 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        z ^= z >> 31;
        return (int)(z & int.MaxValue);
    }
}
