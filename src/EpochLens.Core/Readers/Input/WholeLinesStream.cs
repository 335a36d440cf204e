namespace EpochLens.Readers.Input;

/// <summary>
/// Passes text through in whole lines: where the stream cannot be read on (a gzip file cut off, its size limit, a disk
/// error) it ends at the last line break before, so a parser never sees a cut-off "0.2" that was "0.25".
/// </summary>
internal sealed class WholeLinesStream(Stream inner) : ReadOnlyStream(inner)
{
    private byte[] _held = new byte[256];
    private int _heldCount;
    private bool _ended;

    public Exception? Failure { get; private set; }

    public override int Read(Span<byte> buffer)
    {
        while (!_ended && !buffer.IsEmpty)
        {
            // The bytes after the last line break of the previous read go first.
            int total = Math.Min(_heldCount, buffer.Length);
            _held.AsSpan(0, total).CopyTo(buffer);
            _held.AsSpan(total, _heldCount - total).CopyTo(_held);
            _heldCount -= total;
            if (_heldCount > 0) return total;

            int read;
            try
            {
                read = Inner.Read(buffer[total..]);
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                // The line begun before the failure is dropped.
                Failure = e;
                _ended = true;
                return 0;
            }

            _ended = read == 0;
            if (_ended) return total;
            total += read;
            int lastBreak = buffer[..total].LastIndexOfAny((byte)'\n', (byte)'\r');
            if (lastBreak < 0 && total == buffer.Length) return total; // a line longer than the buffer goes on as it is

            // The rest after the last break is held for the next read.
            if (total - lastBreak - 1 > _held.Length) Array.Resize(ref _held, total - lastBreak - 1);
            buffer[(lastBreak + 1)..total].CopyTo(_held);
            _heldCount = total - lastBreak - 1;
            if (lastBreak >= 0) return lastBreak + 1;
        }

        return 0;
    }
}
