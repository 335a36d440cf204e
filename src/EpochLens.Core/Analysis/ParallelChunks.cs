namespace EpochLens.Analysis;

/// <summary>
/// Splits a per-point loop over the machine's cores in large contiguous chunks; short ranges stay on the
/// calling thread, where starting tasks would cost more than it saves.
/// </summary>
internal static class ParallelChunks
{
    private const int MinChunk = 1 << 20;

    /// <summary>Runs <paramref name="body"/>(start, end) over [from, to) in chunks.</summary>
    public static void For(int from, int to, Action<int, int> body)
    {
        int count = to - from;
        int chunks = Math.Min(Environment.ProcessorCount, count / MinChunk);
        if (chunks <= 1)
        {
            if (count > 0) body(from, to);

            return;
        }

        int size = (count + chunks - 1) / chunks;
        Parallel.For(0, chunks, chunk =>
        {
            int start = from + (chunk * size);
            body(start, Math.Min(to, start + size));
        });
    }
}
