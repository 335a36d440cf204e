namespace EpochLens.Readers;

/// <summary>
/// Looks through a text file past its head for a reader that recognises lines anywhere
/// (<see cref="ILogReader.RecognisesLinesAnywhere"/>), in windows of at most <see cref="FileHead.Size"/> bytes.
/// </summary>
internal static class TextWindows
{
    /// <summary>How far a file is looked through; a log whose first training line is later than this is not found.</summary>
    public const long MaxScanBytes = 64L << 20;

    /// <summary>The first line reader that recognises a window of the file, or null.</summary>
    public static ILogReader? Find(string path, IEnumerable<ILogReader> readers, out long scanned)
    {
        scanned = 0;
        var lineReaders = readers.Where(r => r.RecognisesLinesAnywhere).ToArray();
        if (lineReaders.Length == 0) return null;
        using var stream = LogFile.Open(path, ReadOptions.Default);
        var buffer = new byte[1 << 16];
        int length = 0;
        try
        {
            while (scanned < MaxScanBytes)
            {
                int read = stream.Read(buffer, length, buffer.Length - length);
                length += read;
                int position = 0;

                // Whole windows while the buffer holds them; at the end of the file, the short rest as well.
                while (length - position >= FileHead.Size || (read == 0 && position < length))
                {
                    var window = buffer.AsSpan(position, Math.Min(FileHead.Size, length - position));
                    if (window.Contains((byte)0)) return null; // binary data: not a text log
                    foreach (var reader in lineReaders)
                    {
                        if (reader.Recognises(path, window)) return reader;
                    }

                    // The next window starts after the last whole line of this one, so no line is cut in two.
                    int newline = window.LastIndexOf((byte)'\n');
                    int advance = newline > 0 && window.Length == FileHead.Size ? newline + 1 : window.Length;
                    position += advance;
                    scanned += advance;
                }

                if (read == 0) return null;
                buffer.AsSpan(position, length - position).CopyTo(buffer);
                length -= position;
            }
        }
        catch (InvalidDataException)
        {
            // Damaged gzip: what came before was looked at.
        }

        return null;
    }
}
