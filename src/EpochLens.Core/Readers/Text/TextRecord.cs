namespace EpochLens.Readers.Text;

/// <summary>
/// One line kept for the builder: a training line of a shape, or (shape -1) a held-out line whose values go to the
/// held-out series at the last training step. Epoch NaN: none printed, nor a header's; counter and total -1: not
/// printed; wall time NaN: no timestamp. Its values are a range of <see cref="TextLogParser.Values"/>.
/// </summary>
internal readonly record struct TextRecord(
    int Shape, long Line, double Epoch, long Counter, long Total, double WallTime, int ValueStart, int ValueCount)
{
    public bool HeldOut => Shape < 0;
}

/// <summary>One value of a line, by label id (<see cref="TextLabelTable"/>).</summary>
internal readonly record struct LabeledValue(int Label, double Value);
