using EpochLens.Readers.Input;

namespace EpochLens.Torch.Data;

/// <summary>
/// Replays bytes already taken from a stream that cannot seek, then continues with the stream itself, so a reader can
/// sniff a signature (gzip) and still hand the whole stream on.
/// </summary>
internal sealed class PrefixedReadStream(byte[] prefix, Stream inner) : ReadOnlyStream(inner)
{
    private int _prefixPosition;

    public override int Read(Span<byte> buffer)
    {
        if (_prefixPosition >= prefix.Length) return Inner.Read(buffer);
        var n = Math.Min(buffer.Length, prefix.Length - _prefixPosition);
        prefix.AsSpan(_prefixPosition, n).CopyTo(buffer);
        _prefixPosition += n;
        return n;
    }
}
