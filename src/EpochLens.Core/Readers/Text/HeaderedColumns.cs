namespace EpochLens.Readers.Text;

/// <summary>
/// Tables printed with a header line and unlabelled rows under it (Ultralytics YOLO's "  Epoch    GPU_mem   box_loss
/// ..." then "    1/5      2.61G      1.234 ...", many scripts' "epoch  step  loss  lr"): a row whose first fields are
/// all numbers is spelled again with each after its column's name ("Epoch 1/5 GPU_mem 2.61G box_loss 1.234 ..."), so
/// that the template learning reads it like any labelled line. The header holds until the next header.
/// </summary>
internal sealed partial class HeaderedColumns
{
    /// <summary>Characters no header has: digits, and the marks of progress bars, logger fields and key-value pairs.</summary>
    private static readonly SearchValues<char> NotInHeaders = SearchValues.Create("0123456789:=%|[{'\"");

    private readonly ArrayBufferWriter<char> _row = new(256);
    private string[] _names = [];

    public ReadOnlySpan<char> Label(ReadOnlySpan<char> line) =>
        TryHeader(line) || _names.Length == 0 ? line : Row(line);

    /// <summary>A header is at least three names, one of them a loss, with no number in it.</summary>
    private bool TryHeader(ReadOnlySpan<char> line)
    {
        if (line.ContainsAny(NotInHeaders) || !Header().IsMatch(line)) return false;
        var names = line.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
        if (!names.Any(n => TextLabels.IsLoss(n))) return false;
        _names = names;
        return true;
    }

    // Three to 24 names of at most 40 characters; columns are aligned, so names stand two spaces or a tab apart,
    // where a sentence's words stand one space apart.
    [GeneratedRegex(@"^[ \t]*[A-Za-z][A-Za-z0-9_./()-]{0,39}(?:(?:[ \t]{2,}|\t)[A-Za-z][A-Za-z0-9_./()-]{0,39}){2,23}[ \t]*\z")]
    private static partial Regex Header();

    private ReadOnlySpan<char> Row(ReadOnlySpan<char> line)
    {
        _row.ResetWrittenCount();
        var rest = line;
        foreach (var name in _names)
        {
            rest = rest.TrimStart(" \t");
            var cell = rest[..(rest.IndexOfAny(" \t") is var end and >= 0 ? end : rest.Length)];
            if (cell is not ([>= '0' and <= '9', ..] or ['-' or '+' or '.', >= '0' and <= '9', ..])) return line;
            _row.Write(name);
            _row.Write(" ");
            _row.Write(cell);
            _row.Write(" ");
            rest = rest[cell.Length..];
        }

        _row.Write(rest);
        return _row.WrittenSpan;
    }
}
