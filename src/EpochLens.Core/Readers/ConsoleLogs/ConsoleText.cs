using System.Globalization;
using System.Text;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>Small parsing helpers shared by the console-log readers.</summary>
internal static class ConsoleText
{
    /// <summary>A number as Python prints it: "0.4957", "2.0000e-02", "nan", "inf", "-inf".</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out double value)
    {
        text = text.Trim();
        if (text.IsEmpty || text.Length > 64)
        {
            value = 0;
            return false;
        }

        char first = text[0];
        if (first is not ('-' or '+' or '.') && !char.IsAsciiDigit(first))
        {
            // Only Python's spellings of the non-finite values, not every word double.Parse accepts.
            value = text.Equals("nan", StringComparison.OrdinalIgnoreCase) ? double.NaN
                : text.Equals("inf", StringComparison.OrdinalIgnoreCase) ? double.PositiveInfinity
                : 0;
            return value != 0;
        }

        if (first is '-' or '+' && text[1..].Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = first == '-' ? double.NegativeInfinity : double.PositiveInfinity;
            return true;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A metric name as Keras and mmengine print them: "loss", "val_acc", "coco/bbox_mAP", "s0.loss_cls".</summary>
    public static bool IsMetricName(ReadOnlySpan<char> name)
    {
        if (name.IsEmpty || name.Length > 200 || !(char.IsAsciiLetter(name[0]) || name[0] == '_'))
        {
            return false;
        }

        foreach (char c in name)
        {
            if (!(char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '/' or '-' or '@'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads leading ASCII digits as a number; false when there are none or too many.</summary>
    public static bool TryTakeDigits(ref ReadOnlySpan<char> text, out long value)
    {
        int count = 0;
        while (count < text.Length && char.IsAsciiDigit(text[count]))
        {
            count++;
        }

        value = 0;
        if (count == 0 || count > 15)
        {
            return false;
        }

        value = long.Parse(text[..count], NumberStyles.None, CultureInfo.InvariantCulture);
        text = text[count..];
        return true;
    }

    /// <summary>A shortened copy of a bit of text for a problem message.</summary>
    public static string Quote(ReadOnlySpan<char> text) =>
        text.Length <= 40 ? $"'{text}'" : $"'{text[..40]}...'";

    /// <summary>
    /// The head's segments (split at newlines, carriage returns and backspaces) with ANSI codes removed,
    /// for format recognition.
    /// </summary>
    public static IEnumerable<string> HeadSegments(ReadOnlySpan<byte> head)
    {
        var text = Encoding.UTF8.GetString(head);
        var segments = new List<string>();
        foreach (var part in text.Split(['\n', '\r', '\b'], StringSplitOptions.RemoveEmptyEntries))
        {
            segments.Add(StripEscapes(part));
        }

        return segments;
    }

    private static string StripEscapes(string text)
    {
        if (!text.Contains('\x1b', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] != '\x1b')
            {
                builder.Append(text[i]);
                continue;
            }

            if (i + 1 < text.Length && text[i + 1] == '[')
            {
                i += 2;
                while (i < text.Length && (text[i] < '@' || text[i] > '~'))
                {
                    i++;
                }
            }
            else
            {
                i++;
            }
        }

        return builder.ToString();
    }
}
