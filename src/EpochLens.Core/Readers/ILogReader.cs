namespace EpochLens.Readers;

/// <summary>
/// Reads one log format: streaming, reporting recoverable damage to the problem sink, throwing only
/// <see cref="LogReadException"/> (or, with <see cref="ReadOptions.Strict"/>, on the first damage).
/// </summary>
public interface ILogReader
{
    /// <summary>The format id users give to choose this reader, e.g. "tensorboard".</summary>
    string Format { get; }

    /// <summary>A few words for help and errors, e.g. "TensorBoard event files (events.out.tfevents.*)".</summary>
    string Description { get; }

    /// <summary>Whether this reader recognises the file from its name and its <see cref="FileHead"/>.</summary>
    bool Recognises(string path, ReadOnlySpan<byte> head);

    /// <summary>
    /// Whether <see cref="Recognises"/> may also be shown later windows of a text file: printed logs often begin after
    /// pages of other output (a config dump, pip's output, prose).
    /// </summary>
    bool RecognisesLinesAnywhere => false;

    /// <summary>Files with the same key form one log: a TensorBoard run's folder, most readers' path itself.</summary>
    string GroupKey(string path);

    /// <summary>Reads the files this reader recognised: a log per run (two Keras fits in one console log).</summary>
    IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems);
}
