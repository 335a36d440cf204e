namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// The pieces of an OpenMMLab log line around its metrics: the logger prefix
/// ("2023/05/01 12:00:00 - mmengine - INFO - " from MMLogger, "2021-01-01 00:00:00,000 - mmdet - INFO - " from
/// Python logging in mmcv 1.x) and the bracketed counters ("[  1]", "[ 50/7330]").
/// </summary>
internal static class MmLogPrefix
{
    private const DateTimeStyles Utc = DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal;

    private static readonly string[] Seconds = ["yyyy/MM/dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss"];

    private static readonly string[] Milliseconds = ["yyyy/MM/dd HH:mm:ss,fff", "yyyy-MM-dd HH:mm:ss,fff"];

    /// <summary>Splits "timestamp - logger - LEVEL - message".</summary>
    public static bool TrySplit(ReadOnlySpan<char> line, out double wallTime, out ReadOnlySpan<char> message)
    {
        message = default;
        if (!TryTimestamp(line, out wallTime, out int length) || !line[length..].StartsWith(" - ")) return false;
        var rest = line[(length + 3)..];
        for (int field = 0; field < 2; field++)
        {
            int dash = rest.IndexOf(" - ");
            if (dash <= 0) return false;
            rest = rest[(dash + 3)..];
        }

        message = rest;
        return true;
    }

    /// <summary>A line with an OpenMMLab logger prefix whose logger is an mm* package.</summary>
    public static bool IsOpenMmLabLine(ReadOnlySpan<char> line) =>
        TryTimestamp(line, out _, out int length) && line[length..].StartsWith(" - mm") && TrySplit(line, out _, out _);

    /// <summary>Reads "[ 12]" or "[ 50/7330]" (spaces allowed before the numbers, as mmengine right-aligns them).</summary>
    public static bool TryBracket(ref ReadOnlySpan<char> text, out long first, out long? second)
    {
        (first, second) = (0, null);
        var rest = text.TrimStart(' ');
        if (!rest.StartsWith("[")) return false;
        rest = rest[1..].TrimStart(' ');
        if (!TextNumber.TryTakeDigits(ref rest, out first)) return false;
        if (rest.StartsWith("/"))
        {
            rest = rest[1..];
            if (!TextNumber.TryTakeDigits(ref rest, out long value)) return false;
            second = value;
        }

        if (!rest.StartsWith("]")) return false;
        text = rest[1..];
        return true;
    }

    /// <summary>
    /// A leading "2023/05/01 12:00:00" (mmengine) or "2021-01-01 00:00:00,000" (Python logging's default asctime), read
    /// as UTC: the log does not say its time zone.
    /// </summary>
    public static bool TryTimestamp(ReadOnlySpan<char> line, out double wallTime, out int length)
    {
        var time = default(DateTime);
        length = line.Length >= 23 && line[19] == ',' && Parse(line[..23], Milliseconds, out time) ? 23
            : line.Length >= 19 && Parse(line[..19], Seconds, out time) ? 19
            : 0;
        wallTime = length > 0 && time.Year >= 1970 ? (time - DateTime.UnixEpoch).TotalSeconds : double.NaN;
        return !double.IsNaN(wallTime);
    }

    private static bool Parse(ReadOnlySpan<char> text, string[] formats, out DateTime time) =>
        DateTime.TryParseExact(text, formats, CultureInfo.InvariantCulture, Utc, out time);
}
