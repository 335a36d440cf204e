namespace EpochLens.Readers.Csv;

/// <summary>
/// Room for a point per line, given up front to the series of a large plain file (its lines counted first, one
/// vectorised pass), so that a clean file's series are handed over without a final copy.
/// </summary>
internal static class CsvRoom
{
    /// <summary>Below this many bytes the final copy's peak is a few megabytes: no need to count first.</summary>
    private const long ReserveFrom = 8 << 20;

    /// <summary>
    /// The most room reserved, in bytes per byte of the file (a step,epoch,loss file needs about 1.5): room never
    /// written is never resident, but a heap limit (a container's) counts it.
    /// </summary>
    private const long MaxReservedPerByte = 2;

    private const int MaxSeries = 64;

    /// <summary>
    /// The share of the bytes before the split point (<see cref="CsvSecondHalf"/>), where both cores end together
    /// (the 10-million-row benchmark file: 0.36-0.38 s a read, against 0.39-0.41 at 0.36 and 0.38-0.39 at 0.44).
    /// </summary>
    private const double FirstPartShare = 0.40;

    /// <summary>Reserves a point per row in each builder within the limits; the file's lines when all got room, else null.</summary>
    public static CsvFileLines? Reserve(
        string file, long fileBytes, int headerLines, IReadOnlyList<MetricSeriesBuilder> builders, bool wallTimes)
    {
        if (fileBytes < ReserveFrom || builders.Count is 0 or > MaxSeries) return null;

        var lines = Count(file, fileBytes);
        long rows = (lines?.Lines ?? 0) - headerLines;
        long bytesPerPoint = wallTimes ? 24 : 16;
        if (rows <= 0 || rows > Array.MaxLength) return null;
        if (builders.Count * bytesPerPoint * rows > MaxReservedPerByte * fileBytes) return null;

        // A builder the budget refuses leaves the later ones unreserved too.
        return builders.All(b => b.Reserve((int)rows)) ? lines : null;
    }

    /// <summary>The file's lines and the line break nearest past the split point; null when it cannot be read.</summary>
    private static CsvFileLines? Count(string path, long fileBytes)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var buffer = new byte[1 << 20];
            long lines = 0, position = 0, crs = 0, crlfs = 0, splitAt = 0, linesBeforeSplit = 0;
            long split = (long)(fileBytes * FirstPartShare);
            bool quotes = false;
            byte last = (byte)'\n';
            while (RandomAccess.Read(file, buffer, position) is var read and > 0)
            {
                var span = buffer.AsSpan(0, read);
                if (splitAt == 0 && position + read > split
                    && span[(int)Math.Max(0, split - position)..].IndexOf((byte)'\n') is var at and >= 0)
                {
                    int after = (int)Math.Max(0, split - position) + at + 1;
                    (splitAt, linesBeforeSplit) = (position + after, lines + span[..after].Count((byte)'\n'));
                }

                lines += span.Count((byte)'\n');
                if (span.ContainsAny((byte)'"', (byte)'\r'))
                {
                    crs += span.Count((byte)'\r');
                    crlfs += span.Count("\r\n"u8);
                    quotes |= span.Contains((byte)'"');
                }

                crlfs += last == '\r' && span[0] == '\n' ? 1 : 0;
                last = span[^1];
                position += read;
            }

            // Lines are counted as Sep counts them only where every CR starts a CR LF.
            return new CsvFileLines(lines + (last == (byte)'\n' ? 0 : 1), splitAt, linesBeforeSplit,
                SingleLineRows: !quotes && crs == crlfs && splitAt > 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
