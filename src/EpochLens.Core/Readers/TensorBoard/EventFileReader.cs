using System.IO.Compression;
using EpochLens.Logs;
using EpochLens.Readers.Input;

namespace EpochLens.Readers.TensorBoard;

/// <summary>Reads one event file's records into a run, reporting damage with its place in the file.</summary>
internal static class EventFileReader
{
    public const string NotAnEventFile =
        "not a TensorBoard event file (expected TFRecord framing: a uint64 length, its masked CRC-32C, the payload and its masked CRC-32C)";

    /// <summary>
    /// Reads the file; throws <see cref="LogReadException"/> when it cannot be opened, is empty, or does not
    /// start with a valid TFRecord frame. <paramref name="buffer"/> is reused across a run's files.
    /// </summary>
    public static void Read(string file, RunAccumulator run, ReadOptions options, ProblemReporter problems, ref byte[]? buffer)
    {
        FileStream stream;
        try
        {
            stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LogReadException(file, $"cannot be opened: {e.Message}", e);
        }

        using (stream)
        {
            if (stream.Length == 0)
            {
                throw new LogReadException(file, "empty file: an event file holds at least its file_version record");
            }

            if (!FileHead.IsGzip(stream))
            {
                // Never allocate more than the file holds, however large the first record claims to be.
                buffer ??= new byte[(int)Math.Min(stream.Length, 1 << 20)];
                ReadRecords(file, stream, long.MaxValue, run, options, problems, ref buffer);
                return;
            }

            using var inflated = new GZipStream(stream, CompressionMode.Decompress);
            ReadRecords(file, inflated, options.MaxDecompressedBytes, run, options, problems, ref buffer);
        }
    }

    private static void ReadRecords(string file, Stream stream, long byteLimit, RunAccumulator run, ReadOptions options, ProblemReporter problems, ref byte[]? buffer)
    {
        var scanner = new TfRecordScanner(stream, byteLimit, buffer);
        run.File = file;
        run.Scanner = scanner;
        bool framed = false;
        try
        {
            bool reading = true;
            var budget = PointBudget.Current;
            while (reading && budget?.Exhausted != true)
            {
                var status = scanner.Next();
                if (!framed)
                {
                    ThrowUnlessFramed(file, status, scanner);
                    framed = status is RecordStatus.Record or RecordStatus.BadPayloadChecksum or RecordStatus.Oversized or RecordStatus.LengthPastEnd;
                }

                if (status == RecordStatus.Record)
                {
                    run.Read(scanner.Payload);
                    continue;
                }

                string skipped = $"{scanner.SkippedBytes} byte(s) skipped to the next valid record";
                (ProblemKind Kind, string Message)? problem = status switch
                {
                    RecordStatus.BadPayloadChecksum => (ProblemKind.BadChecksum, $"payload checksum mismatch: record skipped, {skipped}"),
                    RecordStatus.Resynchronised => (ProblemKind.BadChecksum, $"length checksum mismatch: framing lost; {skipped}"),
                    RecordStatus.FramingLost => (ProblemKind.BadChecksum,
                        $"length checksum mismatch: framing lost; no valid record in the remaining {scanner.SkippedBytes} byte(s)"),
                    RecordStatus.Oversized => (ProblemKind.Malformed,
                        $"a record length of {scanner.DeclaredLength} bytes, over the {TfRecordScanner.MaxRecordLength >> 20} MiB cap, taken as damage; {skipped}"),
                    RecordStatus.LengthPastEnd => (ProblemKind.Malformed,
                        $"a record length of {scanner.DeclaredLength} bytes runs past the end of the file, with valid records after it: taken as damage; {skipped}"),
                    RecordStatus.Truncated => (ProblemKind.Truncated, scanner.DeclaredLength < 0
                        ? "the file ends inside a record header (a killed run?): everything before it kept"
                        : $"the file ends inside a record of {scanner.DeclaredLength} bytes (a killed run?): everything before it kept"),
                    RecordStatus.LimitReached => (ProblemKind.LimitReached,
                        $"decompressed size reached the {byteLimit} byte limit (MaxDecompressedBytes): reading stopped, everything before kept"),
                    _ => null,
                };
                if (problem is { } found)
                {
                    problems.Report(file, run.Location, found.Kind, found.Message);
                }

                // Damage within the file is skipped; the end, a cut-off record or the limit ends the read.
                reading = status is RecordStatus.BadPayloadChecksum or RecordStatus.Resynchronised or RecordStatus.Oversized or RecordStatus.LengthPastEnd;
            }
        }
        catch (InvalidDataException e)
        {
            problems.Report(file, run.Location, ProblemKind.Truncated, $"compressed data damaged ({e.Message}): everything before it kept");
        }
        catch (IOException e) when (e is not LogReadException)
        {
            problems.Report(file, run.Location, ProblemKind.Truncated, $"reading failed ({e.Message}): everything before it kept");
        }
        finally
        {
            buffer = scanner.Buffer;
            run.Scanner = null;
        }
    }

    /// <summary>The first frame decides whether this is an event file at all.</summary>
    private static void ThrowUnlessFramed(string file, RecordStatus status, TfRecordScanner scanner)
    {
        switch (status)
        {
            case RecordStatus.Resynchronised or RecordStatus.FramingLost:
                throw new LogReadException(file, NotAnEventFile);
            case RecordStatus.Truncated:
                throw new LogReadException(file, scanner.BytesRead < 12
                    ? $"{NotAnEventFile}; it holds only {scanner.BytesRead} byte(s)"
                    : $"ends inside its first record ({scanner.BytesRead} bytes): no complete event in it (a run killed at once?)");
        }
    }
}
