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

    /// <summary>Text files taken for CSV only when their content is a table (<see cref="LooksLikeTable"/>).</summary>
    private static readonly string[] TableExtensions = [".log", ".txt", ".out", ".dat", ".log.gz", ".txt.gz"];

    /// <summary>Rows a table must show under its header to be taken for one in a file not named as CSV.</summary>
    private const int MinTableRows = 2;

    private CsvReader()
    {
    }

    public string Format => FormatId;

    public string Description => "CSV (step,loss files, Lightning CSVLogger metrics.csv, W&B exports; .csv/.tsv, optionally .gz; a table with a header in a .log or .txt file, as Keras' CSVLogger writes)";

    public bool Recognises(string path, ReadOnlySpan<byte> head)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Extensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase))
            ? LooksLikeCsv(head)
            : (TableExtensions.Any(e => path.EndsWith(e, StringComparison.OrdinalIgnoreCase)) || !Path.GetFileName(path).Contains('.'))
                && LooksLikeTable(head);
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

    /// <summary>
    /// Delimited text whose first line is a header or numbers, with a numeric cell in the first data row;
    /// a header alone counts when it names a step or loss column, so that reading it can say what is missing.
    /// </summary>
    private static bool LooksLikeCsv(ReadOnlySpan<byte> head)
    {
        var lines = HeadLines(head, 3, out bool endsInBreak);
        if (lines is not { Count: > 0 } || lines[0].StartsWith(TelemetryHeader, StringComparison.Ordinal)) return false;

        char delimiter = CsvLineCells.Delimiter(lines[0], preferTab: false);
        var firstCells = CsvLineCells.Split(lines[0], delimiter);
        if (firstCells.All(IsNumber)) return true;

        // The second line counts when it is whole: followed by a third, or by the end of the file's head in a break.
        if (lines.Count >= 3 || (lines.Count == 2 && endsInBreak))
            return CsvLineCells.Split(lines[1], delimiter).Any(IsNumber);

        // A header longer than the head, or a header whose first row was cut off by the head's end.
        return (lines.Count == 1 && !endsInBreak) || lines.Count >= 2 || firstCells.Any(NamesKnownColumn);
    }

    /// <summary>
    /// A table in a file not named as CSV (Keras' CSVLogger writes "training.log"), held to a stricter look since a
    /// printed log is read by another reader: a header of at least two names, one of them a step, an epoch or a loss
    /// column, and at least two rows under it with as many cells, every one a number or empty.
    /// </summary>
    private static bool LooksLikeTable(ReadOnlySpan<byte> head)
    {
        if (HeadLines(head, MinTableRows + 2, out bool endsInBreak) is not { } lines) return false;

        int whole = endsInBreak ? lines.Count : lines.Count - 1;
        if (whole < 1 + MinTableRows || lines[0].StartsWith(TelemetryHeader, StringComparison.Ordinal)) return false;

        char delimiter = CsvLineCells.Delimiter(lines[0], preferTab: false);
        var names = CsvLineCells.Split(lines[0], delimiter);
        if (names.Length < 2 || names.Any(n => TextNumber.Trim(n).IsEmpty || IsNumber(n)) || !names.Any(NamesKnownColumn))
            return false;

        // With semicolons, a decimal comma is a number too (the reader reads it so, see CsvValues).
        return lines.Take(whole).Skip(1).Select(l => CsvLineCells.Split(l, delimiter)).All(cells =>
            cells.Length == names.Length
            && cells.All(c => TextNumber.Trim(c).IsEmpty || IsNumber(delimiter == ';' ? c.Replace(',', '.') : c)));
    }

    /// <summary>The first non-blank lines of a text head, and whether its last is whole; null for binary content.</summary>
    private static List<string>? HeadLines(ReadOnlySpan<byte> head, int count, out bool endsInBreak)
    {
        head = TextEncoding.SkipUtf8Mark(head);

        endsInBreak = head.Length > 0 && head[^1] is (byte)'\n' or (byte)'\r';
        if (head.Contains((byte)0)) return null;

        return [.. CsvLineCells.Lines(Encoding.UTF8.GetString(head)).Where(l => !TextNumber.Trim(l).IsEmpty).Take(count)];
    }

    private static bool IsNumber(string cell) => TextNumber.TryParseDouble(cell, out _);

    private static bool NamesKnownColumn(string name)
    {
        name = TextNumber.Trim(name).ToString();
        return CsvColumnNames.StepRank(name) >= 0 || CsvColumnNames.IsEpoch(name) || CsvColumnNames.RoleOf(name) != SeriesRole.Other;
    }
}
