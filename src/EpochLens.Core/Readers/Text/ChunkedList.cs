using System.Runtime.InteropServices;

namespace EpochLens.Readers.Text;

/// <summary>
/// An append-only list in fixed chunks: a 100 MB log keeps millions of lines, and a doubling list would copy them
/// again at every growth and ask for ever larger blocks of fresh memory.
/// </summary>
internal sealed class ChunkedList<T>
    where T : struct
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly List<T[]> _chunks = [];

    public int Count { get; private set; }

    /// <summary>By reference: a field learned only once the whole log was read is written into it.</summary>
    public ref T this[int index] => ref _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    public void Add(in T item)
    {
        int chunk = Count >> ChunkBits, offset = Count & (ChunkSize - 1);
        if (chunk == _chunks.Count) _chunks.Add(new T[chunk == 0 ? ChunkSize >> 6 : ChunkSize]);

        // The first chunk starts small and grows four times over to full size: most logs are small.
        if (offset == _chunks[chunk].Length) Array.Resize(ref CollectionsMarshal.AsSpan(_chunks)[chunk], offset * 4);
        _chunks[chunk][offset] = item;
        Count++;
    }
}
