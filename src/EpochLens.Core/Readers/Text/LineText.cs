using System.Buffers;

namespace EpochLens.Readers.Text;

/// <summary>Where runs of digits, spaces and other characters end in a printed line, for the scanners that take it apart.</summary>
internal static class LineText
{
    /// <summary>The end of the digits starting at <paramref name="i"/> (<paramref name="i"/> itself when there are none).</summary>
    /// <remarks>A plain loop: runs of digits are short, and every number of every line is scanned.</remarks>
    public static int DigitsEnd(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        return i;
    }

    /// <summary>The end of the spaces starting at <paramref name="i"/>.</summary>
    public static int SpacesEnd(ReadOnlySpan<char> line, int i) => End(line, i, line[i..].IndexOfAnyExcept(' '));

    /// <summary>The end of the spaces and tabs starting at <paramref name="i"/>.</summary>
    public static int BlanksEnd(ReadOnlySpan<char> line, int i) => End(line, i, line[i..].IndexOfAnyExcept(' ', '\t'));

    /// <summary>The end of the characters other than spaces and tabs starting at <paramref name="i"/>.</summary>
    public static int NonBlanksEnd(ReadOnlySpan<char> line, int i) => End(line, i, line[i..].IndexOfAny(' ', '\t'));

    /// <summary>The end of the <paramref name="characters"/> starting at <paramref name="i"/>.</summary>
    public static int RunEnd(ReadOnlySpan<char> line, int i, SearchValues<char> characters) =>
        End(line, i, line[i..].IndexOfAnyExcept(characters));

    private static int End(ReadOnlySpan<char> line, int i, int found) => found < 0 ? line.Length : i + found;
}
