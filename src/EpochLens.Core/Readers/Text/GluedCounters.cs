namespace EpochLens.Readers.Text;

/// <summary>
/// Counters written with their unit glued after them, as ESPnet's trainer prints its progress
/// ("1epoch:train:201-300batch: ... loss=107.3"): "1epoch" is epoch 1 and "201-300batch" the batches up to 300.
/// The line is spelled again with each label before its number ("epoch 1:train:batch 300: ..."), so that the
/// template learning reads it like any labelled line. A range keeps its end, the last batch it covers.
/// </summary>
internal sealed class GluedCounters
{
    private static readonly string[] Units = ["epoch", "batch", "iter", "step"];

    private readonly RespelledLine _line = new();

    /// <summary>The line with its glued counters turned round, or the line itself when it has none.</summary>
    public ReadOnlySpan<char> Label(ReadOnlySpan<char> line)
    {
        if (!MayHaveGluedCounter(line))
        {
            return line;
        }

        _line.Clear();
        int copied = 0;
        bool changed = false;
        for (int i = 1; i < line.Length; i++)
        {
            if (!char.IsAsciiDigit(line[i - 1]) || UnitAt(line, i) is not { } unit)
            {
                continue;
            }

            int end = i - 1; // the last digit
            int start = end;
            while (start > 0 && char.IsAsciiDigit(line[start - 1]))
            {
                start--;
            }

            // "201-300batch": the range's start goes with it.
            int from = start;
            if (start >= 2 && line[start - 1] == '-' && char.IsAsciiDigit(line[start - 2]))
            {
                from = start - 1;
                while (from > 0 && char.IsAsciiDigit(line[from - 1]))
                {
                    from--;
                }
            }

            if (from > 0 && (char.IsAsciiLetter(line[from - 1]) || line[from - 1] is '.' or '_'))
            {
                continue; // part of a word or a number ("fp16batch", "0.5epoch")
            }

            int after = i + unit.Length + (i + unit.Length < line.Length && line[i + unit.Length] == 's' ? 1 : 0);
            if (after < line.Length && char.IsAsciiLetterOrDigit(line[after]))
            {
                continue;
            }

            _line.Append(line[copied..from]);
            _line.Append(unit);
            _line.Append(" ");
            _line.Append(line[start..(end + 1)]);
            copied = after;
            i = after;
            changed = true;
        }

        if (!changed)
        {
            return line;
        }

        _line.Append(line[copied..]);
        return _line.Text;
    }

    /// <summary>Whether a unit follows a digit anywhere: one vectorised search per unit, as most lines have none.</summary>
    private static bool MayHaveGluedCounter(ReadOnlySpan<char> line)
    {
        foreach (var unit in Units)
        {
            int from = 1;
            while (from < line.Length)
            {
                int found = line[from..].IndexOf(unit, StringComparison.Ordinal);
                if (found < 0)
                {
                    break;
                }

                if (char.IsAsciiDigit(line[from + found - 1]))
                {
                    return true;
                }

                from += found + 1;
            }
        }

        return false;
    }

    private static string? UnitAt(ReadOnlySpan<char> line, int i)
    {
        foreach (var unit in Units)
        {
            if (line[i..].StartsWith(unit, StringComparison.Ordinal))
            {
                return unit;
            }
        }

        return null;
    }
}
