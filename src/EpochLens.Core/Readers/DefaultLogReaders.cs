using EpochLens.Readers.Csv;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Readers;

/// <summary>The readers EpochLens ships, in detection order: the most specific formats first.</summary>
public static class DefaultLogReaders
{
    public static IReadOnlyList<ILogReader> All { get; } =
    [
        TensorBoardReader.Default,

        // Generic text formats last: they recognise by extension and a loose look at the head.
        CsvReader.Default,
    ];

    /// <summary>A reader for any path, with every built-in format.</summary>
    public static LogReader Create() => new(All);
}
