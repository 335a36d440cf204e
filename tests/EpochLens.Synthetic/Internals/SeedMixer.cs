namespace EpochLens.Synthetic.Internals;

/// <summary>
/// Scrambles a seed before it seeds <see cref="Random"/>: a seeded Random's first draws move almost linearly with
/// the seed, so runs for seeds 1, 2, 3 would start alike without this (a hash finaliser in the MurmurHash3 style).
/// </summary>
internal static class SeedMixer
{
    public static int Mix(int seed, int salt)
    {
        uint x = unchecked(((uint)seed * 0x9E3779B9u) + (uint)salt);
        x ^= x >> 16;
        x = unchecked(x * 0x85EBCA6Bu);
        x ^= x >> 13;
        x = unchecked(x * 0xC2B2AE35u);
        x ^= x >> 16;
        return (int)(x & int.MaxValue);
    }
}
