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
    private T[] _tail = [];
    private int _tailCount;

    public int Count { get; private set; }

    public T this[int index] => _chunks[index >> ChunkBits][index & (ChunkSize - 1)];

    /// <summary>Replaces an item already added (a field learned only once the whole log was read).</summary>
    public void Set(int index, in T item)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual((uint)index, (uint)Count);
        _chunks[index >> ChunkBits][index & (ChunkSize - 1)] = item;
    }

    public void Add(in T item)
    {
        // The first chunk starts small and grows to full size: most logs are small.
        if (_tailCount == _tail.Length && _tail.Length is > 0 and < ChunkSize)
        {
            Array.Resize(ref _tail, Math.Min(ChunkSize, _tail.Length * 4));
            _chunks[^1] = _tail;
        }
        else if (_tailCount == _tail.Length)
        {
            _tail = new T[_chunks.Count == 0 ? 1024 : ChunkSize];
            _tailCount = 0;
            _chunks.Add(_tail);
        }

        _tail[_tailCount++] = item;
        Count++;
    }
}
