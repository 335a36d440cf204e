using EpochLens.Logs;

namespace EpochLens.Readers.Input;

/// <summary>
/// Passes a (decompressing) stream through up to a byte limit, so a gzip bomb costs bounded time and
/// memory. At the limit it either ends the stream, for readers that then ask <see cref="LimitReached"/>,
/// or throws <see cref="InvalidDataException"/>, for readers whose damage path already drops the cut line.
/// It also ends once the read's <see cref="PointBudget"/> is used up: the points after would all be dropped, and
/// a bomb of valid rows would otherwise be decompressed to the limit for nothing.
/// </summary>
internal sealed class SizeLimitedStream : ReadOnlyStream
{
    private readonly bool _throwAtLimit;
    private readonly PointBudget? _budget = PointBudget.Current;
    private long _position;

    /// <param name="inner">The stream to bound; disposed with this one.</param>
    /// <param name="limit">The most bytes passed through.</param>
    /// <param name="throwAtLimit">Throw when more content follows the limit, instead of ending there.</param>
    public SizeLimitedStream(Stream inner, long limit, bool throwAtLimit)
        : base(inner)
    {
        Limit = limit;
        _throwAtLimit = throwAtLimit;
    }

    /// <summary>More content followed the limit: the read stopped early.</summary>
    public bool LimitReached { get; private set; }

    public long Limit { get; }

    /// <summary>What a reader reports when <see cref="LimitReached"/>.</summary>
    public string LimitMessage => $"decompressed content exceeds {Limit} bytes (MaxDecompressedBytes): reading stopped there";

    public override int Read(Span<byte> buffer)
    {
        if (buffer.Length == 0 || _budget?.Exhausted == true)
        {
            return 0;
        }

        long left = Limit - _position;
        if (left <= 0)
        {
            // One byte more than the limit tells content of exactly the limit from a larger one.
            Span<byte> probe = stackalloc byte[1];
            if (Inner.Read(probe) == 0)
            {
                return 0;
            }

            LimitReached = true;
            return _throwAtLimit
                ? throw new InvalidDataException($"the content expands past the limit of {Limit} bytes (ReadOptions.MaxDecompressedBytes)")
                : 0;
        }

        int read = Inner.Read(buffer.Length > left ? buffer[..(int)left] : buffer);
        _position += read;
        return read;
    }
}
