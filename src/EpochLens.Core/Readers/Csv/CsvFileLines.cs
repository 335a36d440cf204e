namespace EpochLens.Readers.Csv;

/// <summary>A plain file's lines, as <see cref="CsvRoom"/> counted them.</summary>
/// <param name="Lines">Its lines, a last one without a line break included.</param>
/// <param name="Middle">The byte after the first line feed past the file's middle (0 where there is none).</param>
/// <param name="LinesBeforeMiddle">The lines before <paramref name="Middle"/>.</param>
/// <param name="SingleLineRows">No quote (that could run a row over several lines) and no CR alone: each line is a row.</param>
internal sealed record CsvFileLines(long Lines, long Middle, long LinesBeforeMiddle, bool SingleLineRows);
