using System.Text.Unicode;

namespace EpochLens.Readers.Csv;

/// <summary>
/// Hands out the lines of a stream one at a time from a reused buffer: memory stays at one buffer
/// whatever the file's size. Tracks each line's number and byte offset, checks UTF-8 a block at a time
/// (per line only inside a block that fails), and cuts lines longer than <see cref="MaxLineBytes"/>.
/// </summary>
internal sealed class CsvLineScanner
{
    /// <summary>The longest line kept; a W&amp;B export of hundreds of runs has a header of some 100 KiB.</summary>
    public const int MaxLineBytes = 16 << 20;

    private const int InitialBuffer = 1 << 20;

    private readonly Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private long _bufferOffset; // the stream offset of _buffer[0]
    private bool _endOfStream;
    private int _validatedEnd; // bytes before this index are known to be valid UTF-8
    private int _checkPerLineEnd; // lines ending before this index lie in a block that failed the check
    private long _limit = long.MaxValue; // the content offset where this scanner's range ends

    /// <param name="stream">The content, read from its current position.</param>
    /// <param name="initialBuffer">The first buffer size; it grows for long lines.</param>
    /// <param name="baseOffset">The content offset of the stream's current position (a range of a file read on its own).</param>
    public CsvLineScanner(Stream stream, int initialBuffer = InitialBuffer, long baseOffset = 0)
    {
        _stream = stream;
        _buffer = new byte[initialBuffer];
        _bufferOffset = baseOffset;
    }

    /// <summary>The 1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>The byte offset (in the decompressed content) where the line last returned starts.</summary>
    public long LineOffset { get; private set; }

    /// <summary>The line last returned was longer than <see cref="MaxLineBytes"/>: it is returned empty.</summary>
    public bool LineTooLong { get; private set; }

    /// <summary>The line last returned holds bytes that are not UTF-8.</summary>
    public bool LineHasBadUtf8 { get; private set; }

    /// <summary>The line last returned is the last and had no newline: the file may have been cut off.</summary>
    public bool LineUnterminated { get; private set; }

    /// <summary>Why the stream stopped early (a read error, a damaged gzip member), or null.</summary>
    public string? ReadFailure { get; private set; }

    /// <summary>Bytes handed out so far, including newlines.</summary>
    public long Position => _bufferOffset + _start;

    /// <summary>
    /// Ends this scanner's range at a content offset at or after <see cref="Position"/> (a line start): the
    /// bytes from there on are read by another scanner. Bytes already buffered past it are dropped.
    /// </summary>
    public void StopAt(long offset)
    {
        _limit = offset;
        long bufferedEnd = _bufferOffset + _end;
        if (bufferedEnd > offset)
        {
            _end = (int)(offset - _bufferOffset);
            _validatedEnd = Math.Min(_validatedEnd, _end);
            _checkPerLineEnd = Math.Min(_checkPerLineEnd, _end);
        }

        _endOfStream = bufferedEnd >= offset;
    }

    /// <summary>
    /// All complete lines in the buffer, newlines included, refilling once when none is there; false when
    /// the next line is incomplete (longer than the buffer, or the last): <see cref="TryReadLine"/> takes it.
    /// Line numbers and UTF-8 are not tracked here: the caller counts with <see cref="SkipLines"/>.
    /// </summary>
    public bool TryReadBlock(out ReadOnlySpan<byte> block)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            int last = _buffer.AsSpan(_start, _end - _start).LastIndexOf((byte)'\n');
            if (last >= 0)
            {
                block = _buffer.AsSpan(_start, last + 1);
                _start += last + 1;
                return true;
            }

            if (_endOfStream || (_start == 0 && _end == _buffer.Length))
            {
                break;
            }

            Fill();
        }

        block = default;
        return false;
    }

    /// <summary>Counts the lines handed out by <see cref="TryReadBlock"/>.</summary>
    public void SkipLines(long count) => LineNumber += count;

    /// <summary>The next line without its line break, or false at the end of the stream.</summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line)
    {
        long skippedFrom = -1; // where a line too long to keep began
        int searchFrom = _start;
        while (true)
        {
            int newline = _buffer.AsSpan(searchFrom, _end - searchFrom).IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += searchFrom;
                return Hand(newline, newline + 1, skippedFrom, terminated: true, out line);
            }

            if (_endOfStream)
            {
                if (_start == _end && skippedFrom < 0)
                {
                    line = default;
                    return false;
                }

                // A final line cut by a read failure or a limit is dropped: it may end inside a number.
                if (ReadFailure is not null && skippedFrom < 0)
                {
                    _start = _end;
                    line = default;
                    return false;
                }

                return Hand(_end, _end, skippedFrom, terminated: false, out line);
            }

            searchFrom = _end;
            if (_end - _start >= MaxLineBytes)
            {
                // Keep counting the line but let its bytes go: only its end is wanted now.
                if (skippedFrom < 0)
                {
                    skippedFrom = _bufferOffset + _start;
                }

                _bufferOffset += _end;
                _start = _end = _validatedEnd = _checkPerLineEnd = searchFrom = 0;
            }

            int shift = _start;
            Fill();
            searchFrom -= shift;
        }
    }

    private bool Hand(int lineEnd, int next, long skippedFrom, bool terminated, out ReadOnlySpan<byte> line)
    {
        LineNumber++;
        LineUnterminated = !terminated;
        LineTooLong = skippedFrom >= 0;
        if (LineTooLong)
        {
            LineOffset = skippedFrom;
            LineHasBadUtf8 = false;
            _start = next;
            line = default;
            return true;
        }

        LineOffset = _bufferOffset + _start;
        int end = lineEnd > _start && _buffer[lineEnd - 1] == (byte)'\r' ? lineEnd - 1 : lineEnd;
        line = _buffer.AsSpan(_start, end - _start);
        LineHasBadUtf8 = !IsValidUtf8(lineEnd, line);
        _start = next;
        return true;
    }

    private bool IsValidUtf8(int lineEnd, ReadOnlySpan<byte> line)
    {
        if (lineEnd <= _validatedEnd)
        {
            return true;
        }

        if (lineEnd > _checkPerLineEnd)
        {
            // Check every complete line in the buffer at once; a newline never sits inside a UTF-8 sequence.
            int blockEnd = _buffer.AsSpan(_start, _end - _start).LastIndexOf((byte)'\n') + _start + 1;
            if (blockEnd <= _start || blockEnd < lineEnd)
            {
                blockEnd = lineEnd;
            }

            if (Utf8.IsValid(_buffer.AsSpan(_start, blockEnd - _start)))
            {
                _validatedEnd = blockEnd;
                return true;
            }

            _checkPerLineEnd = blockEnd;
        }

        return Utf8.IsValid(line);
    }

    /// <summary>Moves the unread bytes to the front (growing the buffer for a long line) and reads more.</summary>
    private void Fill()
    {
        if (_start > 0)
        {
            int kept = _end - _start;
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, kept);
            _bufferOffset += _start;
            _validatedEnd = Math.Max(0, _validatedEnd - _start);
            _checkPerLineEnd = Math.Max(0, _checkPerLineEnd - _start);
            _start = 0;
            _end = kept;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, Math.Min(_buffer.Length * 2, MaxLineBytes + InitialBuffer));
        }

        try
        {
            int room = (int)Math.Min(_buffer.Length - _end, _limit - (_bufferOffset + _end));
            int read = room <= 0 ? 0 : _stream.Read(_buffer, _end, room);
            if (read == 0)
            {
                _endOfStream = true;
            }

            _end += read;
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            _endOfStream = true;
            ReadFailure = e.Message;
        }
    }
}
