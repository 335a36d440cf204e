using System.Globalization;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.ConsoleLogs;

/// <summary>Small parsing helpers shared by the console-log readers.</summary>
internal static class ConsoleText
{
    /// <summary>
    /// The line without the marks that quote program output inside a document: leading blanks, knitr's "## "
    /// (R Markdown), Markdown's "> " and a comment's "# ", each possibly repeated. A log pasted into notes or a README
    /// reads like the original.
    /// </summary>
    public static ReadOnlySpan<char> TrimQuoting(ReadOnlySpan<char> line)
    {
        while (true)
        {
            line = line.TrimStart(" \t");
            int marks = 0;
            while (marks < line.Length && line[marks] is '#' or '>')
            {
                marks++;
            }

            // A mark counts only when a blank or the line's end follows it ("#3" or ">>>" prompts stay as they are).
            if (marks == 0 || marks > 3 || (marks < line.Length && line[marks] is not (' ' or '\t')))
            {
                return line;
            }

            line = line[marks..];
        }
    }

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

        return TryParsePlainDecimal(text, out value) || double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static readonly double[] PowersOfTen =
        [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22];

    /// <summary>
    /// "-12.3456" with at most 15 digits and no exponent, the spelling of nearly every logged number: the digits as an
    /// integer divided by a power of ten, both exact doubles, so the one division rounds correctly (what double.Parse
    /// would give) at a fraction of its cost. False for anything else, which double.Parse then reads.
    /// </summary>
    private static bool TryParsePlainDecimal(ReadOnlySpan<char> text, out double value)
    {
        value = 0;
        int i = text[0] is '-' or '+' ? 1 : 0;
        long mantissa = 0;
        int digits = 0, fraction = -1;
        for (; i < text.Length; i++)
        {
            char c = text[i];
            if (char.IsAsciiDigit(c))
            {
                mantissa = (mantissa * 10) + (c - '0');
                if (++digits > 15)
                {
                    return false;
                }

                if (fraction >= 0)
                {
                    fraction++;
                }
            }
            else if (c == '.' && fraction < 0)
            {
                fraction = 0;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        value = fraction > 0 ? mantissa / PowersOfTen[fraction] : mantissa;
        if (text[0] == '-')
        {
            value = -value;
        }

        return true;
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
    /// The head's segments (split at newlines, carriage returns and backspaces) with ANSI codes removed, for format
    /// recognition: read by the same <see cref="ConsoleLineReader"/> the readers use, so detection sees the lines they will.
    /// </summary>
    public static IEnumerable<string> HeadSegments(ReadOnlySpan<byte> head)
    {
        var segments = new List<string>();
        using var lines = new ConsoleLineReader(head, new ProblemReporter("", NoProblems, strict: false));
        while (lines.TryRead(out var segment))
        {
            segments.Add(segment.ToString());
        }

        return segments;
    }

    /// <summary>Detection only asks which lines there are; their problems are the reader's to report.</summary>
    public static IProblemSink NoProblems { get; } = new IgnoredProblems();

    private sealed class IgnoredProblems : IProblemSink
    {
        public void Report(ReadProblem problem)
        {
        }
    }
}
