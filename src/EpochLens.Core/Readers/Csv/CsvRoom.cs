using EpochLens.Logs;

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
    /// The most room reserved, in bytes per byte of the file: a step,epoch,loss file needs about 1.5; a wide file of
    /// sparse columns would reserve far more than it holds. Room never written is never resident, but it is
    /// committed, and a heap limit (a container's) counts it.
    /// </summary>
    private const long MaxReservedPerByte = 2;

    private const int MaxSeries = 64;

    /// <summary>Reserves a point per line after the header in each builder, where that stays within the limits above and the budget.</summary>
    public static void Reserve(string file, long fileBytes, IReadOnlyList<MetricSeriesBuilder> builders, bool wallTimes)
    {
        if (fileBytes < ReserveFrom || builders.Count is 0 or > MaxSeries) return;

        long lines = CountLines(file);
        long bytesPerPoint = wallTimes ? 24 : 16;
        if (lines <= 0 || lines > Array.MaxLength) return;
        if (builders.Count * bytesPerPoint * lines > MaxReservedPerByte * fileBytes) return;

        // A builder the budget refuses leaves the later ones unreserved too.
        _ = builders.All(b => b.Reserve((int)lines));
    }

    /// <summary>The lines after the header: line feeds, and one more for a last line without one; 0 when it cannot be read.</summary>
    private static long CountLines(string path)
    {
        try
        {
            using var file = File.OpenHandle(path);
            var buffer = new byte[1 << 20];
            long lines = 0, position = 0;
            byte last = (byte)'\n';
            while (RandomAccess.Read(file, buffer, position) is var read and > 0)
            {
                lines += buffer.AsSpan(0, read).Count((byte)'\n');
                last = buffer[read - 1];
                position += read;
            }

            return lines - (last == (byte)'\n' ? 1 : 0);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return 0;
        }
    }
}
