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

        return TextNumber.TryParseDouble(text, out value);
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
