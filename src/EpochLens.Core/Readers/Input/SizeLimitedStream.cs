namespace EpochLens.Readers.Input;

/// <summary>
/// Passes a (decompressing) stream through up to a byte limit, so a gzip bomb costs bounded time and memory. At the
/// limit it ends (readers then ask <see cref="LimitReached"/>) or throws <see cref="InvalidDataException"/> (for
/// readers whose damage path drops the cut line). It also ends once the read's <see cref="PointBudget"/> is used up.
/// </summary>
internal sealed class SizeLimitedStream(Stream inner, long limit, bool throwAtLimit) : ReadOnlyStream(inner)
{
    private const int MinRead = 512, MaxRead = 1 << 16;

    private readonly PointBudget? _budget = PointBudget.Current;
    private long _position;

    public bool LimitReached { get; private set; }

    public long Limit => limit;

    public string LimitMessage => $"decompressed content exceeds {Limit} bytes (MaxDecompressedBytes): reading stopped there";

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0 || _budget?.Exhausted == true) return 0;
        long left = Limit - _position;
        if (left <= 0)
        {
            // One byte more than the limit tells content of exactly the limit from a larger one.
            Span<byte> probe = stackalloc byte[1];
            if (Inner.Read(probe) == 0) return 0;
            LimitReached = true;
            return throwAtLimit
                ? throw new InvalidDataException($"the content expands past the limit of {Limit} bytes (ReadOptions.MaxDecompressedBytes)")
                : 0;
        }

        // A decompressor that meets damage throws away what it inflated in the same call: small calls keep all but the
        // last bit before the damage, where one large call (a reader's 64 kB buffer) would lose a small file whole. The
        // calls grow with the content read, so a large file loses at most a small share and is not slowed by them.
        int size = (int)Math.Min(Math.Min(buffer.Length, left), Math.Clamp(_position / 16, MinRead, MaxRead));
        int read = Inner.Read(buffer[..size]);
        _position += read;
        return read;
    }
}
