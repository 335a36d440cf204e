namespace EpochLens.Readers;

/// <summary>
/// Reads one log format. Readers stream, keep memory bounded by the series they hold, report
/// recoverable damage to the problem sink, and throw only <see cref="LogReadException"/> (or, with
/// <see cref="ReadOptions.Strict"/>, on the first problem).
/// </summary>
public interface ILogReader
{
    /// <summary>The format id users give to choose this reader, e.g. "tensorboard"; other code takes it from the reader rather than spelling it again.</summary>
    string Format { get; }

    /// <summary>A few words for help and errors, e.g. "TensorBoard event files (events.out.tfevents.*)".</summary>
    string Description { get; }

    /// <summary>
    /// Whether this reader recognises the file from its name and its first bytes (at most 4 KiB; fewer
    /// when the file is shorter; already decompressed when the file is gzip).
    /// </summary>
    bool Recognises(string path, ReadOnlySpan<byte> head);

    /// <summary>
    /// Whether <see cref="Recognises"/> may also be shown later windows of a text file (each at most 4 KiB, starting
    /// at a line): printed logs often begin after pages of other output (a config dump, pip's output, prose).
    /// </summary>
    bool RecognisesLinesAnywhere => false;

    /// <summary>
    /// Files with the same key form one log and are read together: a TensorBoard reader returns the
    /// folder (a run's event files), most readers the path itself.
    /// </summary>
    string GroupKey(string path);

    /// <summary>
    /// Reads the log. <paramref name="source"/> holds only files this reader recognised. Usually one log
    /// comes back; a file that holds several runs (a console log of two Keras fits) gives one per run.
    /// </summary>
    IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems);
}
