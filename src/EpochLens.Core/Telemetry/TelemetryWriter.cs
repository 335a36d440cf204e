using System.Diagnostics;

namespace EpochLens.Telemetry;

/// <summary>
/// Appends step and epoch records to a run folder as CSV and/or JSON Lines. Files are only ever appended
/// to, and buffered output is flushed at least once per <see cref="FlushInterval"/>, so a killed run
/// loses at most about that much of its log.
/// </summary>
/// <remarks>
/// Numbers use the invariant culture. A value that is exactly a 32-bit float (every loss from a float
/// model) is written in the float's shortest round-trip form. Non-finite values are kept: CSV holds
/// NaN, Infinity and -Infinity; JSON Lines holds them as the strings "NaN", "Infinity" and "-Infinity"
/// (valid JSON, and what System.Text.Json reads with AllowNamedFloatingPointLiterals). A norm that was
/// not measured at a step is an empty CSV field and JSON null.
/// </remarks>
public sealed class TelemetryWriter : ITelemetrySink, IDisposable
{
    private readonly StreamWriter? _stepsCsv;
    private readonly StreamWriter? _stepsJson;
    private readonly StreamWriter? _epochsCsv;
    private readonly StreamWriter? _epochsJson;
    private readonly StringBuilder _line = new(256);
    private readonly Stopwatch _sinceFlush = Stopwatch.StartNew();
    private bool _disposed;

    /// <summary>Creates the folder if needed and opens the telemetry files for appending.</summary>
    public TelemetryWriter(string folder, TelemetryFormat format = TelemetryFormat.Both)
    {
        Folder = folder;
        Directory.CreateDirectory(folder);
        if (format.HasFlag(TelemetryFormat.Csv))
        {
            _stepsCsv = OpenAppend(TelemetryFiles.StepsCsv, string.Join(',', TelemetryFiles.StepColumns));
            _epochsCsv = OpenAppend(TelemetryFiles.EpochsCsv, string.Join(',', TelemetryFiles.EpochColumns));
        }

        if (format.HasFlag(TelemetryFormat.JsonLines))
        {
            _stepsJson = OpenAppend(TelemetryFiles.StepsJsonLines, header: null);
            _epochsJson = OpenAppend(TelemetryFiles.EpochsJsonLines, header: null);
        }
    }

    /// <summary>The run folder the files are written to.</summary>
    public string Folder { get; }

    /// <summary>The longest time buffered records wait before they reach the files.</summary>
    public TimeSpan FlushInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Appends one step; flushes when the flush interval has passed.</summary>
    public void Write(StepRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _stepsCsv?.WriteLine(StepLine(record, json: false));
        _stepsJson?.WriteLine(StepLine(record, json: true));
        FlushIfDue();
    }

    /// <summary>Appends one epoch summary and flushes everything.</summary>
    public void Write(EpochRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        _epochsCsv?.WriteLine(EpochLine(record, json: false));
        _epochsJson?.WriteLine(EpochLine(record, json: true));
        Flush();
    }

    /// <summary>Pushes everything buffered to the operating system.</summary>
    public void Flush()
    {
        _stepsCsv?.Flush();
        _stepsJson?.Flush();
        _epochsCsv?.Flush();
        _epochsJson?.Flush();
        _sinceFlush.Restart();
    }

    public void Dispose()
    {
        if (_disposed) return;

        _disposed = true;
        _stepsCsv?.Dispose();
        _stepsJson?.Dispose();
        _epochsCsv?.Dispose();
        _epochsJson?.Dispose();
    }

    /// <summary>Formats a number as the telemetry files store it (see the class remarks).</summary>
    public static string FormatNumber(double value) => FormatInto(new StringBuilder(), value).ToString();

    private void FlushIfDue()
    {
        if (_sinceFlush.Elapsed >= FlushInterval) Flush();
    }

    private StreamWriter OpenAppend(string name, string? header)
    {
        var path = Path.Combine(Folder, name);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        if (header is not null && stream.Length == 0) writer.WriteLine(header);

        return writer;
    }

    /// <summary>The step's fields in the order of <see cref="TelemetryFiles.StepColumns"/>.</summary>
    private StringBuilder StepLine(StepRecord record, bool json)
    {
        var line = new RecordLine(_line.Clear(), TelemetryFiles.StepColumns, json);
        line.Whole(record.Step);
        line.Whole(record.Epoch);
        line.Whole(record.Position);
        line.Whole(record.BatchSize);
        line.Number(record.Loss);
        line.Number(record.LoggedLoss);
        line.Number(record.LearningRate);
        line.Optional(record.GradNorm);
        line.Optional(record.UpdateNorm);
        line.Whole(record.OptimizerStep);
        line.Ids(record.SampleIds);
        return line.End();
    }

    /// <summary>The epoch's fields in the order of <see cref="TelemetryFiles.EpochColumns"/>.</summary>
    private StringBuilder EpochLine(EpochRecord record, bool json)
    {
        var line = new RecordLine(_line.Clear(), TelemetryFiles.EpochColumns, json);
        line.Whole(record.Epoch);
        line.Whole(record.Steps);
        line.Whole(record.LastStep);
        line.Number(record.TrainLoss);
        line.Number(record.HeldOutLoss);
        line.Number(record.HeldOutAccuracy);
        return line.End();
    }

    private static StringBuilder FormatInto(StringBuilder line, double value)
    {
        if (double.IsNaN(value)) return line.Append("NaN");

        if (double.IsInfinity(value)) return line.Append(value > 0 ? "Infinity" : "-Infinity");

        // The interpolation handler formats straight into the builder: no string per number.
        var asFloat = (float)value;
        return asFloat == value
            ? line.Append(CultureInfo.InvariantCulture, $"{asFloat:R}")
            : line.Append(CultureInfo.InvariantCulture, $"{value:R}");
    }

    /// <summary>
    /// One record as a CSV line or a JSON object: the fields are given once, in column order, and the format decides
    /// the separators, the keys (the column names) and how a missing or non-finite value is written.
    /// </summary>
    private struct RecordLine(StringBuilder line, IReadOnlyList<string> columns, bool json)
    {
        private int _field;

        public void Whole(long value) => Next().Append(value);

        /// <summary>A number; JSON has no NaN or infinity, so there they are strings.</summary>
        public void Number(double value)
        {
            string quote = json && !double.IsFinite(value) ? "\"" : "";
            FormatInto(Next().Append(quote), value).Append(quote);
        }

        /// <summary>A value that was not measured: an empty CSV field, JSON null.</summary>
        public void Optional(double? value)
        {
            if (value is double v)
            {
                Number(v);
            }
            else
            {
                Next().Append(json ? "null" : "");
            }
        }

        /// <summary>A batch's sample ids: one CSV field split by <see cref="TelemetryFiles.SampleIdSeparator"/>, a JSON array.</summary>
        public void Ids(IReadOnlyList<int> ids)
        {
            Next().Append(json ? "[" : "");
            for (int i = 0; i < ids.Count; i++)
            {
                if (i > 0) line.Append(json ? ',' : TelemetryFiles.SampleIdSeparator);

                line.Append(ids[i]);
            }

            line.Append(json ? "]" : "");
        }

        public readonly StringBuilder End() => json ? line.Append('}') : line;

        /// <summary>Starts the next field: the separator, and in JSON its key.</summary>
        private StringBuilder Next()
        {
            if (json)
            {
                line.Append(_field == 0 ? "{\"" : ",\"").Append(columns[_field]).Append("\":");
            }
            else if (_field > 0)
            {
                line.Append(',');
            }

            _field++;
            return line;
        }
    }
}
