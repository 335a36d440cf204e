using System.Buffers;

namespace EpochLens.Readers.Text;

/// <summary>Where runs of characters end in a printed line, for the scanners that take it apart.</summary>
internal static class LineText
{
    public static readonly SearchValues<char> Spaces = SearchValues.Create(" ");

    /// <summary>The end of the digits starting at <paramref name="i"/> (<paramref name="i"/> itself when there are none).</summary>
    /// <remarks>A plain loop: runs of digits are short, and every number of every line is scanned.</remarks>
    public static int DigitsEnd(ReadOnlySpan<char> line, int i)
    {
        while (i < line.Length && char.IsAsciiDigit(line[i])) i++;
        return i;
    }

    /// <summary>The end of the <paramref name="characters"/> starting at <paramref name="i"/>.</summary>
    public static int RunEnd(ReadOnlySpan<char> line, int i, SearchValues<char> characters) =>
        line[i..].IndexOfAnyExcept(characters) is var found and >= 0 ? i + found : line.Length;
}
