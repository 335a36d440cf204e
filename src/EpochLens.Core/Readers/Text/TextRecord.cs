namespace EpochLens.Readers.Text;

/// <summary>
/// One line kept for building the log: a training line of a <see cref="TextLogParser.Shapes"/> shape, or a held-out
/// (validation, test) line whose values go to the held-out series at the last training step. The epoch is the line's
/// own or its epoch header's (NaN when none), the counter and its total ("340/1250") are -1 when not printed, the wall
/// time is NaN without a timestamp, and the values are a range of <see cref="TextLogParser.Values"/>.
/// </summary>
/// <param name="Shape">The training shape, or -1 for a held-out line.</param>
/// <param name="Line">The physical line, for problem messages.</param>
internal readonly record struct TextRecord(
    int Shape, long Line, double Epoch, long Counter, long Total, double WallTime, int ValueStart, int ValueCount)
{
    public bool HeldOut => Shape < 0;
}

/// <summary>One value of a line, by label id (<see cref="TextLabelTable"/>).</summary>
internal readonly record struct LabeledValue(int Label, double Value);
