namespace EpochLens.Readers.JsonLines;

/// <summary>
/// The objects of a JSON array of per-step objects, found by their braces (outside strings) rather than by a parser,
/// so that one damaged object (a broken number, a stray byte) costs only itself: each is then parsed on its own.
/// </summary>
internal static class JsonArrayElements
{
    /// <summary>
    /// The byte ranges of the objects at depth one of the array that <paramref name="text"/> starts with (after
    /// white space), or of the first array of objects inside a top-level object; empty when there is none.
    /// </summary>
    /// <param name="ended">False when the text ends before the array closes (a file cut off while it was written).</param>
    public static List<(int Start, int Length)> Find(ReadOnlySpan<byte> text, out bool ended)
    {
        ended = false;
        var elements = new List<(int, int)>();
        int depth = 0, arrayDepth = -1, start = -1;
        bool inString = false, escaped = false;
        for (int i = 0; i < text.Length; i++)
        {
            byte b = text[i];
            if (inString)
            {
                if (escaped)
                {
                    escaped = false;
                }
                else if (b == (byte)'\\')
                {
                    escaped = true;
                }
                else if (b is (byte)'"' or (byte)'\n')
                {
                    // A line break ends a string too: JSON has none inside one, so a lost quote costs one line.
                    inString = false;
                }

                continue;
            }

            switch (b)
            {
                case (byte)'"':
                    inString = true;
                    break;
                case (byte)'[':
                    depth++;
                    break;
                case (byte)'{':
                    if (arrayDepth < 0 && depth >= 1 && IsArrayOpenedAt(text, i))
                    {
                        arrayDepth = depth;
                    }

                    if (depth == arrayDepth)
                    {
                        start = i;
                    }

                    depth++;
                    break;
                case (byte)'}':
                case (byte)']':
                    depth = Math.Max(0, depth - 1);
                    if (b == (byte)'}' && depth == arrayDepth && start >= 0)
                    {
                        elements.Add((start, i - start + 1));
                        start = -1;
                    }
                    else if (b == (byte)']' && depth < arrayDepth)
                    {
                        ended = true;
                        return elements;
                    }

                    break;
            }
        }

        return elements;
    }

    /// <summary>Whether the '{' at <paramref name="at"/> is an array's element: the byte before it (past white space and commas) opens an array.</summary>
    private static bool IsArrayOpenedAt(ReadOnlySpan<byte> text, int at)
    {
        int i = at - 1;
        while (i >= 0 && text[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            i--;
        }

        return i >= 0 && text[i] == (byte)'[';
    }
}
