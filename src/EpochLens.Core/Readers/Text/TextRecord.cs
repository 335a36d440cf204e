namespace EpochLens.Readers.Text;

/// <summary>One line kept for building the log: a training line or a held-out (validation, test) line.</summary>
/// <param name="HeldOut">A validation or test line: its values go to the held-out series at the last training step.</param>
/// <param name="Shape">The line's template (<see cref="TextLogParser.Shapes"/>); -1 for held-out lines.</param>
/// <param name="Line">The physical line, for problem messages.</param>
/// <param name="Epoch">The epoch the line printed (or the last epoch header's), NaN when none.</param>
/// <param name="Counter">The step, batch or sample counter, or -1.</param>
/// <param name="Total">The counter's total ("340/1250"), or -1.</param>
/// <param name="WallTime">The line's timestamp in seconds since the Unix epoch, or NaN.</param>
/// <param name="ValueStart">Where the line's values start in the value list.</param>
/// <param name="ValueCount">How many values the line has.</param>
internal readonly record struct TextRecord(
    bool HeldOut, int Shape, long Line, double Epoch, long Counter, long Total, double WallTime, int ValueStart, int ValueCount);

/// <summary>One value of a line, by label id (<see cref="TextLabelTable"/>).</summary>
internal readonly record struct LabeledValue(int Label, double Value);
