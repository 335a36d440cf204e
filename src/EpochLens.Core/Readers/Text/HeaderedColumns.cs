namespace EpochLens.Readers.Text;

/// <summary>
/// Tables printed with a header line and unlabelled rows under it, as Ultralytics YOLO prints its training
/// ("      Epoch    GPU_mem   box_loss   cls_loss ..." then "        1/5      2.61G      1.234      2.345 ...")
/// and as many scripts print "epoch  step  loss  lr" once and the numbers after. A header is a line of at least
/// three names two spaces or a tab apart, one of them a loss, with no number in it; a row under it whose first fields are all numbers is
/// spelled again with each number after its column's name ("Epoch 1/5 GPU_mem 2.61G box_loss 1.234 ..."), so
/// that the template learning reads it like any labelled line. The header holds until the next header.
/// </summary>
internal sealed class HeaderedColumns
{
    private const int MinColumns = 3;
    private const int MaxColumns = 24;
    private const int MaxNameLength = 40;

    /// <summary>Characters no header has: digits, and the marks of progress bars, logger fields and key-value pairs.</summary>
    private static readonly System.Buffers.SearchValues<char> NotInHeaders = System.Buffers.SearchValues.Create("0123456789:=%|[{'\"");

    private readonly List<string> _names = [];
    private readonly RespelledLine _line = new();

    /// <summary>The row with its column names written in, or the line itself (a header, or any other line).</summary>
    public ReadOnlySpan<char> Label(ReadOnlySpan<char> line)
    {
        if (TryHeader(line))
        {
            return line;
        }

        return _names.Count == 0 ? line : Row(line);
    }

    private bool TryHeader(ReadOnlySpan<char> line)
    {
        // Progress bars, logger fields, "key: value" and "key=value" lines are not headers; nor is a line with a number.
        if (line.IndexOfAny(NotInHeaders) >= 0)
        {
            return false;
        }

        // Columns are aligned: names stand two spaces or a tab apart, where a sentence's words stand one space apart.
        var names = new List<string>();
        bool loss = false;
        int i = 0;
        while (i < line.Length)
        {
            int gap = i;
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            if (i == line.Length)
            {
                break;
            }

            if (names.Count > 0 && i - gap < 2 && line[i - 1] != '\t')
            {
                return false;
            }

            int start = i;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                i++;
            }

            var token = line[start..i];
            if (names.Count == MaxColumns || token.Length > MaxNameLength || !char.IsAsciiLetter(token[0]) || !IsName(token))
            {
                return false;
            }

            loss |= TextLabels.IsLoss(token);
            names.Add(token.ToString());
        }

        if (names.Count < MinColumns || !loss)
        {
            return false;
        }

        _names.Clear();
        _names.AddRange(names);
        return true;
    }

    private static bool IsName(ReadOnlySpan<char> token)
    {
        foreach (char c in token)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-' or '.' or '/' or '(' or ')'))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>"name1 value1 name2 value2 ... rest": the first fields of the row after their columns' names.</summary>
    private ReadOnlySpan<char> Row(ReadOnlySpan<char> line)
    {
        _line.Clear();
        int i = 0;
        foreach (var name in _names)
        {
            while (i < line.Length && line[i] is ' ' or '\t')
            {
                i++;
            }

            int start = i;
            while (i < line.Length && line[i] is not (' ' or '\t'))
            {
                i++;
            }

            var cell = line[start..i];
            if (cell.IsEmpty || !(char.IsAsciiDigit(cell[0]) || (cell.Length > 1 && cell[0] is '-' or '+' or '.' && char.IsAsciiDigit(cell[1]))))
            {
                return line;
            }

            _line.Append(name);
            _line.Append(" ");
            _line.Append(cell);
            _line.Append(" ");
        }

        _line.Append(line[i..]);
        return _line.Text;
    }
}
