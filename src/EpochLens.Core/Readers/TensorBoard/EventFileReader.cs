using System.IO.Compression;
using static EpochLens.Readers.TensorBoard.RecordStatus;

namespace EpochLens.Readers.TensorBoard;

/// <summary>Reads an event file's records into a run, whole or followed, reporting damage with its place.</summary>
internal static class EventFileReader
{
    public const string NotAnEventFile =
        "not a TensorBoard event file (expected TFRecord framing: a uint64 length, its masked CRC-32C, the payload and its masked CRC-32C)";

    /// <summary>Throws <see cref="LogReadException"/> for a file unopenable, empty or not framed.</summary>
    public static void Read(string file, RunAccumulator run, long byteLimit, ref byte[]? buffer)
    {
        using var stream = LogFile.OpenFile(file);
        if (stream.Length == 0)
            throw new LogReadException(file, "empty file: an event file holds at least its file_version record");

        // Never allocate more than the file holds, however large the first record claims to be.
        bool gzip = FileHead.IsGzip(stream);
        buffer ??= gzip ? null : new byte[(int)Math.Min(stream.Length, 1 << 20)];
        using var inflated = gzip ? new SizeLimitedStream(
            new GZipStream(stream, CompressionMode.Decompress), byteLimit, throwAtLimit: false) : null;
        var scanner = new TfRecordScanner(inflated ?? (Stream)stream, buffer);
        try
        {
            ReadRecords(file, scanner, run, growing: false);
        }
        catch (Exception e) when (e is InvalidDataException or IOException and not LogReadException)
        {
            string what = e is InvalidDataException ? "compressed data damaged" : "reading failed";
            run.Report(ProblemKind.Truncated, $"{what} ({e.Message}): everything before it kept");
        }

        buffer = scanner.Buffer;
    }

    /// <summary>How the stream ended; a <paramref name="growing"/> file's cut record waits for the next poll.</summary>
    public static RecordStatus ReadRecords(string file, TfRecordScanner scanner, RunAccumulator run, bool growing)
    {
        run.File = file;
        run.Scanner = scanner;
        for (var budget = growing ? null : PointBudget.Current; budget?.Exhausted != true;)
        {
            // Offset 0 is the first frame (a followed file resumes only past a valid one).
            var status = scanner.Next();
            if (scanner.RecordOffset == 0) ThrowUnlessFramed(file, status, scanner, growing);
            if (growing && status is Truncated or LengthPastEnd) return status;
            if (status == Record)
            {
                run.Read(scanner.Payload);
                continue;
            }

            string skipped = $"{scanner.SkippedBytes} byte(s) skipped to the next valid record";
            long length = scanner.DeclaredLength;
            (ProblemKind Kind, string Message)? problem = status switch
            {
                BadPayloadChecksum => (ProblemKind.BadChecksum, $"payload checksum mismatch: record skipped, {skipped}"),
                Resynchronised => (ProblemKind.BadChecksum, $"length checksum mismatch: framing lost; {skipped}"),
                FramingLost => (ProblemKind.BadChecksum, growing
                    ? $"length checksum mismatch: framing lost; no valid record in the {scanner.SkippedBytes} byte(s) written so far"
                    : $"length checksum mismatch: framing lost; no valid record in the remaining {scanner.SkippedBytes} byte(s)"),
                Oversized => (ProblemKind.Malformed, $"a record length of {length} bytes, over the "
                    + $"{TfRecordScanner.MaxRecordLength >> 20} MiB cap, taken as damage; {skipped}"),
                LengthPastEnd => (ProblemKind.Malformed, $"a record length of {length} bytes runs past the end of the file, "
                    + $"with valid records after it: taken as damage; {skipped}"),
                Truncated => (ProblemKind.Truncated, length < 0
                    ? "the file ends inside a record header (a killed run?): everything before it kept"
                    : $"the file ends inside a record of {length} bytes (a killed run?): everything before it kept"),
                LimitReached => (ProblemKind.LimitReached, scanner.Bounded!.LimitMessage),
                _ => null,
            };
            if (problem is { } found) run.Report(found.Kind, found.Message);

            // Damage within the file is skipped; the end, a cut-off record or the limit ends the read.
            if (status is End or FramingLost or Truncated or LimitReached) return status;
        }

        return End;
    }

    private static void ThrowUnlessFramed(string file, RecordStatus status, TfRecordScanner scanner, bool growing)
    {
        if (status is Resynchronised or FramingLost) throw new LogReadException(file, NotAnEventFile);
        if (status != Truncated || growing) return;

        throw new LogReadException(file, scanner.BytesRead < 12
            ? $"{NotAnEventFile}; it holds only {scanner.BytesRead} byte(s)"
            : $"ends inside its first record ({scanner.BytesRead} bytes): no complete event in it (a run killed at once?)");
    }
}
