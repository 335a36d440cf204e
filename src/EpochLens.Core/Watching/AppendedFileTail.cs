namespace EpochLens.Watching;

/// <summary>
/// How far a followed text file has been seen: the bytes up to its last line break, the partly written line after
/// it, and when it was last written (a JSON document rewritten in place keeps its length but not its time).
/// </summary>
internal sealed class AppendedFileTail
{
    private const int ChunkSize = 64 << 10;

    public AppendedFileTail(string file) => File = file;

    public string File { get; }

    /// <summary>The byte after the last line break seen: what complete lines the file holds.</summary>
    public long CompleteBytes { get; private set; }

    /// <summary>Bytes after the last line break: a line still being written.</summary>
    public long PartialBytes { get; private set; }

    public long CompleteLines { get; private set; }

    /// <summary>How often the file was seen shrunk or rewritten in place: what was read of it before no longer holds.</summary>
    public int Rewrites { get; private set; }

    private DateTime _lastWrite;

    /// <summary>
    /// Reads what was appended since the last look (only that) and counts its complete lines; a file that shrank or
    /// was rewritten is seen again from its start. True when the file has news: complete new lines, or a rewrite.
    /// </summary>
    public bool Look(ref long bytesRead, ref byte[]? buffer)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(File, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }

        using (stream)
        {
            long length = stream.Length;
            var lastWrite = System.IO.File.GetLastWriteTimeUtc(File);
            long seen = CompleteBytes + PartialBytes;
            bool rewritten = length < seen || (length == seen && lastWrite != _lastWrite && seen > 0);
            _lastWrite = lastWrite;
            if (rewritten)
            {
                CompleteBytes = PartialBytes = CompleteLines = 0;
                seen = 0;
                Rewrites++;
            }

            if (length == seen) return rewritten;

            buffer ??= new byte[ChunkSize];
            stream.Position = seen;
            long lines = 0, lastBreak = -1, position = seen;
            int read;
            while ((read = stream.Read(buffer, 0, (int)Math.Min(buffer.Length, length - position))) > 0)
            {
                var chunk = buffer.AsSpan(0, read);
                int count = chunk.Count((byte)'\n');
                if (count > 0)
                {
                    lines += count;
                    lastBreak = position + chunk.LastIndexOf((byte)'\n');
                }

                position += read;
                bytesRead += read;
            }

            if (lastBreak >= 0)
            {
                CompleteBytes = lastBreak + 1;
                CompleteLines += lines;
            }

            PartialBytes = position - CompleteBytes;

            // A file's first bytes are news even without a line break: a JSON document is often written without one.
            return rewritten || lines > 0 || seen == 0;
        }
    }
}
