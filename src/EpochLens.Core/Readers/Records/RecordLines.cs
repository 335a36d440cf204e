namespace EpochLens.Readers.Records;

/// <summary>
/// Reads a file of one record a line (JSON Lines, EpochLens telemetry, MLflow metric files) and reports the damage
/// such files share, worded once for all of them: a line over the length cap, bytes that are not UTF-8, a last line
/// cut off by a killed writer, and an input that ended early (damaged gzip data, the decompression bound).
/// </summary>
internal static class RecordLines
{
    public delegate void LineHandler(ReadOnlySpan<byte> line, LineScanner lines);

    /// <summary>What a last line without its newline is told when it is skipped.</summary>
    public const string CutLine = "the last line is incomplete (a killed run?): skipped";

    /// <summary>Hands each line that is not damaged to <paramref name="handle"/>; returns the scanner, for what it counted.</summary>
    /// <param name="tooLong">The kind a line over the cap is reported as.</param>
    /// <param name="cutIsDamage">
    /// A last line without a newline is skipped as cut off: the writer ends every record with one. When false the
    /// handler decides (<see cref="LineScanner.Unterminated"/>): a JSON object may be whole without it.
    /// </param>
    /// <param name="utf8">Lines that are not valid UTF-8 are skipped (text that is only numbers says what is wrong itself).</param>
    /// <param name="bounded">The decompression bound under <paramref name="stream"/> (<see cref="LogFile.Open(string, ReadOptions, out SizeLimitedStream?, bool)"/>):
    /// a transcoder of UTF-16 text hides it.</param>
    public static LineScanner Read(Stream stream, ProblemReporter problems, LineHandler handle, int maxLineBytes = LineScanner.DefaultMaxLineBytes,
        ProblemKind tooLong = ProblemKind.Malformed, bool cutIsDamage = true, bool utf8 = true, SizeLimitedStream? bounded = null)
    {
        var lines = new LineScanner(stream, maxLineBytes);
        while (lines.TryReadLine(out var line))
        {
            if (lines.TooLong)
            {
                problems.Report(lines.Position.ToString(), tooLong, $"line longer than {lines.MaxLineBytes} bytes: skipped");
            }
            else if (cutIsDamage && lines.Unterminated)
            {
                problems.Report(lines.Position.ToString(), ProblemKind.Truncated, CutLine);
            }
            else if (utf8 && !System.Text.Unicode.Utf8.IsValid(line))
            {
                problems.Report(lines.Position.ToString(), ProblemKind.Encoding, "bytes that are not valid UTF-8: line skipped");
            }
            else
            {
                handle(line, lines);
            }
        }

        var after = $"after line {lines.LineNumber}";
        if (lines.ReadError is not null) problems.Report(after, ProblemKind.Truncated, lines.ReadError);
        if ((bounded ?? stream as SizeLimitedStream) is { LimitReached: true } limit)
            problems.Report(after, ProblemKind.LimitReached, limit.LimitMessage);

        return lines;
    }
}
