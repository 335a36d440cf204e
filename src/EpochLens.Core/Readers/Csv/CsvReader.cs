using EpochLens.Telemetry;

namespace EpochLens.Readers.Csv;

/// <summary>
/// CSV training logs: plain step,loss files (with or without a header), PyTorch Lightning CSVLogger
/// metrics.csv with its sparse columns, W&amp;B chart exports (one log per run), tab- or
/// semicolon-separated, plain or gzip.
/// </summary>
public sealed class CsvReader : ILogReader
{
    public const string FormatId = "csv";

    public static readonly CsvReader Default = new();

    /// <summary>EpochLens telemetry's steps.csv starts so; the telemetry reader reads it with its sample ids.</summary>
    private static readonly string TelemetryHeader = string.Join(',', TelemetryFiles.StepColumns.Take(6));

    private static readonly string[] Extensions = [".csv", ".tsv", ".csv.gz", ".tsv.gz"];

    /// <summary>Text files taken for CSV only when their content is a table (<see cref="CsvHead.LooksLikeTable"/>).</summary>
    private static readonly string[] TableExtensions = [".log", ".txt", ".out", ".dat", ".log.gz", ".txt.gz"];

    private CsvReader()
    {
    }

    public string Format => FormatId;

    public string Description => "CSV (step,loss files, Lightning CSVLogger metrics.csv, W&B exports; .csv/.tsv, optionally .gz; a table with a header in a .log or .txt file, as Keras' CSVLogger writes)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            ? CsvHead.LooksLikeCsv(head, TelemetryHeader)
            : (TableExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || !Path.GetFileName(path).Contains('.'))
                && CsvHead.LooksLikeTable(head, TelemetryHeader);
    }

    public string GroupKey(string path) => path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        return [.. source.Files.SelectMany(file => FractionalSteps.Read(file, options, problems, (scaling, sink) =>
        {
            string name = source.NameOf(file);
            using var reader = new CsvFileReader(file, name, options, sink, scaling);
            return (reader.Read(), reader.Fractions);
        }))];
    }
}
