using System.Runtime.ExceptionServices;
using EpochLens.Readers.Input;

namespace EpochLens.Readers;

/// <summary>
/// Replays bytes already taken from a stream that cannot seek, then continues with the stream itself, so a reader can
/// sniff a signature (gzip, UTF-16) and still hand the whole stream on. Damage met while the bytes were taken (a
/// broken gzip member) can be kept and thrown once the replayed bytes are used up, where the reader expects it.
/// </summary>
public sealed class PrefixedReadStream(byte[] prefix, Stream inner, Exception? failure = null) : ReadOnlyStream(inner)
{
    private int _prefixPosition;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition < prefix.Length)
        {
            var n = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
            prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
            _prefixPosition += n;
            return n;
        }

        if (failure is not null) ExceptionDispatchInfo.Throw(failure);
        return Inner.Read(buffer);
    }
}
