using EpochLens.Readers.Input;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>
/// The pieces of an OpenMMLab log line around its metrics: the logger prefix
/// ("2023/05/01 12:00:00 - mmengine - INFO - " from MMLogger, "2021-01-01 00:00:00,000 - mmdet - INFO - " from
/// Python logging in mmcv 1.x) and the bracketed counters ("[  1]", "[ 50/7330]").
/// </summary>
internal static class MmLogPrefix
{
    /// <summary>
    /// Splits "timestamp - logger - LEVEL - message"; the time is read as UTC (the log does not say its time zone).
    /// </summary>
    public static bool TrySplit(ReadOnlySpan<char> line, out double wallTime, out ReadOnlySpan<char> message)
    {
        message = default;
        if (!TryTimestamp(line, out wallTime, out int length))
        {
            return false;
        }

        var rest = line[length..];
        if (!rest.StartsWith(" - "))
        {
            return false;
        }

        rest = rest[3..];
        for (int field = 0; field < 2; field++)
        {
            int dash = rest.IndexOf(" - ");
            if (dash <= 0)
            {
                return false;
            }

            rest = rest[(dash + 3)..];
        }

        message = rest;
        return true;
    }

    /// <summary>Whether a line starts with an OpenMMLab logger prefix whose logger is an mm* package.</summary>
    public static bool IsOpenMmLabLine(ReadOnlySpan<char> line)
    {
        if (!TryTimestamp(line, out _, out int length) || !line[length..].StartsWith(" - mm"))
        {
            return false;
        }

        return TrySplit(line, out _, out _);
    }

    /// <summary>Reads "[ 12]" or "[ 50/7330]" (spaces allowed before the numbers, as mmengine right-aligns them).</summary>
    public static bool TryBracket(ref ReadOnlySpan<char> text, out long first, out long? second)
    {
        first = 0;
        second = null;
        var rest = text.TrimStart(' ');
        if (rest.IsEmpty || rest[0] != '[')
        {
            return false;
        }

        rest = rest[1..].TrimStart(' ');
        if (!TextNumber.TryTakeDigits(ref rest, out first))
        {
            return false;
        }

        if (!rest.IsEmpty && rest[0] == '/')
        {
            rest = rest[1..];
            if (!TextNumber.TryTakeDigits(ref rest, out long value))
            {
                return false;
            }

            second = value;
        }

        if (rest.IsEmpty || rest[0] != ']')
        {
            return false;
        }

        text = rest[1..];
        return true;
    }

    /// <summary>A leading "2023/05/01 12:00:00" or "2021-01-01 00:00:00,000", read as UTC; shared with the text reader.</summary>
    public static bool TryTimestamp(ReadOnlySpan<char> line, out double wallTime, out int length)
    {
        // "2023/05/01 12:00:00" (mmengine) or "2021-01-01 00:00:00,000" (Python logging's default asctime).
        wallTime = double.NaN;
        length = 0;
        if (line.Length < 19 || !(line[4] is '/' or '-') || line[7] != line[4] || line[10] != ' ' || line[13] != ':' || line[16] != ':')
        {
            return false;
        }

        if (!TryNumber(line, 0, 4, out int year) || !TryNumber(line, 5, 2, out int month) || !TryNumber(line, 8, 2, out int day)
            || !TryNumber(line, 11, 2, out int hour) || !TryNumber(line, 14, 2, out int minute) || !TryNumber(line, 17, 2, out int second))
        {
            return false;
        }

        length = 19;
        int millis = 0;
        if (line.Length >= 23 && line[19] == ',' && TryNumber(line, 20, 3, out millis))
        {
            length = 23;
        }

        if (year < 1970 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var time = new DateTime(year, month, day, hour, minute, second, millis, DateTimeKind.Utc);
        wallTime = (time - DateTime.UnixEpoch).TotalSeconds;
        return true;
    }

    private static bool TryNumber(ReadOnlySpan<char> text, int start, int count, out int value)
    {
        value = 0;
        for (int i = start; i < start + count; i++)
        {
            if (!char.IsAsciiDigit(text[i]))
            {
                return false;
            }

            value = (value * 10) + (text[i] - '0');
        }

        return true;
    }
}
