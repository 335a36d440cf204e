namespace EpochLens.Bench.Fuzz.Mutations;

/// <summary>Format-blind damage to the bytes: bit flips, cuts, garbage, repeats, NUL bytes.</summary>
internal static class ByteMutations
{
    public static IEnumerable<Mutation> All()
    {
        yield return Mutation.OnStoredBytes("bit-flips", FlipBits);
        yield return Mutation.OnContent("bit-flips-inside", Mutation.AnyKind, FlipBits);
        yield return Mutation.OnStoredBytes("truncate-anywhere", (data, random) => data[..random.Next(data.Length + 1)]);
        yield return Mutation.OnContent("garbage-inserted", Mutation.AnyKind, InsertGarbage);
        yield return Mutation.OnContent("range-repeated", Mutation.AnyKind, RepeatRange);
        yield return Mutation.OnContent("range-deleted", Mutation.AnyKind, DeleteRange);
        yield return Mutation.OnContent("nul-bytes", Mutation.AnyKind, (data, random) => Insert(data, random.Next(data.Length + 1), new byte[1 + random.Next(8)]));
        yield return Mutation.OnStoredBytes("emptied", (_, _) => []);
    }

    private static byte[] FlipBits(byte[] data, Random random)
    {
        var copy = (byte[])data.Clone();
        int flips = 1 + random.Next(random.Next(2) == 0 ? 4 : 64);
        for (int i = 0; i < flips && copy.Length > 0; i++)
        {
            copy[random.Next(copy.Length)] ^= (byte)(1 << random.Next(8));
        }

        return copy;
    }

    private static byte[] InsertGarbage(byte[] data, Random random)
    {
        var garbage = new byte[1 + random.Next(random.Next(4) == 0 ? 4096 : 64)];
        random.NextBytes(garbage);
        return Insert(data, random.Next(data.Length + 1), garbage);
    }

    private static byte[] RepeatRange(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return data;
        }

        int start = random.Next(data.Length);
        int length = Math.Min(data.Length - start, 1 + random.Next(4096));
        return Insert(data, start, data.AsSpan(start, length).ToArray());
    }

    private static byte[] DeleteRange(byte[] data, Random random)
    {
        if (data.Length == 0)
        {
            return data;
        }

        int start = random.Next(data.Length);
        int length = Math.Min(data.Length - start, 1 + random.Next(512));
        return [.. data.AsSpan(0, start), .. data.AsSpan(start + length)];
    }

    public static byte[] Insert(byte[] data, int at, ReadOnlySpan<byte> inserted) => [.. data.AsSpan(0, at), .. inserted, .. data.AsSpan(at)];
}
