namespace EpochLens.Readers.Csv;

/// <summary>A plain file's lines, as <see cref="CsvRoom"/> counted them.</summary>
/// <param name="Lines">Its lines, a last one without a line break included.</param>
/// <param name="SplitAt">The byte after the first line feed past the split point (0 where there is none): where the second part starts.</param>
/// <param name="LinesBeforeSplit">The lines before <paramref name="SplitAt"/>.</param>
/// <param name="SingleLineRows">No quote (that could run a row over several lines) and no CR alone: each line is a row.</param>
internal sealed record CsvFileLines(long Lines, long SplitAt, long LinesBeforeSplit, bool SingleLineRows);
