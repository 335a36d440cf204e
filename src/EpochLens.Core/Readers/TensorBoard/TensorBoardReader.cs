namespace EpochLens.Readers.TensorBoard;

/// <summary>
/// TensorBoard event files (as PyTorch's SummaryWriter and TensorFlow write them): every scalar, simple_value and
/// "scalars" tensors alike. A folder is a run, read in file-name order as TensorBoard's directory watcher does;
/// unlike TensorBoard, every point is kept (no 1000-point reservoir).
/// </summary>
public sealed class TensorBoardReader : ILogReader
{
    public static readonly TensorBoardReader Default = new();

    public string Format => "tensorboard";

    public string Description => "TensorBoard event files (events.out.tfevents.*)";

    /// <summary>TensorBoard's own test (io_wrapper.IsTensorFlowEventsFile), or a head that starts with a valid first Event.</summary>
    public bool Recognises(string path, ReadOnlySpan<byte> head) =>
        Path.GetFileName(path).Contains("tfevents", StringComparison.Ordinal) || StartsWithFileVersionEvent(head);

    public string GroupKey(string path) => Path.GetDirectoryName(path) ?? path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        var run = new RunAccumulator(options, new ProblemReporter(problems, options.Strict));
        byte[]? buffer = null;
        int read = 0;
        LogReadException? firstFailure = null;
        foreach (var file in source.Files)
        {
            try
            {
                EventFileReader.Read(file, run, options.MaxDecompressedBytes, ref buffer);
                read++;
            }
            catch (LogReadException e) when (!options.Strict && source.Files.Count > 1)
            {
                // One empty or foreign file (a writer killed before its first flush) does not sink the run.
                problems.Report(new ReadProblem(e.File, "", ProblemKind.Skipped, $"not read: {e.Problem}"));
                firstFailure ??= e;
            }
        }

        if (read == 0 && firstFailure is not null)
        {
            throw new LogReadException(source.Name,
                $"none of its {source.Files.Count} event files could be read; the first: {firstFailure.Message}", firstFailure);
        }

        return [run.Build(source.Name)];
    }

    /// <summary>A frame whose Event holds file_version "brain.Event:…" (always a writer's first record).</summary>
    private static bool StartsWithFileVersionEvent(ReadOnlySpan<byte> head)
    {
        var scanner = new TfRecordScanner(new MemoryStream(head.ToArray(), writable: false), new byte[head.Length]);
        ReadOnlySpan<byte> version = default;
        return scanner.Next() == RecordStatus.Record && ProtoReader.TryLast(scanner.Payload, 3, ref version)
            && version.StartsWith("brain.Event:"u8);
    }
}
