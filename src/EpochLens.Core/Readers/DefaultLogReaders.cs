using EpochLens.Readers.ConsoleLogs;
using EpochLens.Readers.Csv;
using EpochLens.Readers.HuggingFace;
using EpochLens.Readers.JsonLines;
using EpochLens.Readers.Mlflow;
using EpochLens.Readers.Telemetry;
using EpochLens.Readers.TensorBoard;
using EpochLens.Readers.Text;

namespace EpochLens.Readers;

/// <summary>The readers EpochLens ships, in detection order: the most specific formats first.</summary>
public static class DefaultLogReaders
{
    public static IReadOnlyList<ILogReader> All { get; } =
    [
        TensorBoardReader.Default,

        // Formats named by their files: they must come before the generic JSON Lines and CSV readers,
        // which would otherwise claim steps.jsonl, trainer_log.jsonl or steps.csv.
        TelemetryReader.Default,
        HuggingFaceReader.Default,
        MlflowReader.Default,

        // Console logs recognised by their own line shapes (Keras progress bars, OpenMMLab logger lines).
        KerasReader.Default,
        MmEngineReader.Default,

        // Generic text formats last: they recognise by extension and a loose look at the head.
        JsonLinesReader.Default,
        JsonDocumentReader.Default,
        CsvReader.Default,

        // Any other text with printed training lines: last, and the only reader that looks past the head of a file
        // no other reader claimed (with the console readers, which also read lines anywhere).
        TextLogReader.Default,
    ];

    /// <summary>A reader for any path, with every built-in format.</summary>
    public static LogReader Create() => new(All);
}
