namespace EpochLens.Readers.Records;

/// <summary>Reads a file of one record a line (JSON Lines, telemetry, MLflow), reporting shared damage.</summary>
internal static class RecordLines
{
    public delegate void LineHandler(ReadOnlySpan<byte> line, LineScanner lines);

    public const string CutLine = "the last line is incomplete (a killed run?): skipped";

    /// <summary>Hands each undamaged line to <paramref name="handle"/>; returns the scanner, for its counts.</summary>
    /// <param name="cutIsDamage">
    /// A last line without a newline is skipped as cut off: the writer ends every record with one. When false the
    /// handler decides (<see cref="LineScanner.Unterminated"/>): a JSON object may be whole without it.
    /// </param>
    /// <param name="utf8">Lines not valid UTF-8 are skipped (text of only numbers says what is wrong itself).</param>
    /// <param name="bounded">The decompression bound under the stream, which a UTF-16 transcoder hides.</param>
    public static LineScanner Read(Stream stream, ProblemReporter problems, LineHandler handle, int maxLineBytes = LineScanner.DefaultMaxLineBytes,
        ProblemKind tooLong = ProblemKind.Malformed, bool cutIsDamage = true, bool utf8 = true, SizeLimitedStream? bounded = null)
    {
        var lines = new LineScanner(stream, maxLineBytes);
        while (lines.TryReadLine(out var line))
        {
            if (lines.TooLong)
                problems.Report(lines.Position.ToString(), tooLong, $"line longer than {lines.MaxLineBytes} bytes: skipped");
            else if (cutIsDamage && lines.Unterminated)
                problems.Report(lines.Position.ToString(), ProblemKind.Truncated, CutLine);
            else if (utf8 && !System.Text.Unicode.Utf8.IsValid(line))
                problems.Report(lines.Position.ToString(), ProblemKind.Encoding, "bytes that are not valid UTF-8: line skipped");
            else
                handle(line, lines);
        }

        var after = $"after line {lines.LineNumber}";
        if (lines.ReadError is not null) problems.Report(after, ProblemKind.Truncated, lines.ReadError);
        if ((bounded ?? stream as SizeLimitedStream) is { LimitReached: true } limit)
            problems.Report(after, ProblemKind.LimitReached, limit.LimitMessage);

        return lines;
    }
}
