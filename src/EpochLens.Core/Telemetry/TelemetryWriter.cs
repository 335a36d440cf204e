using System.Diagnostics;
using System.Globalization;
using System.Text;

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
        if (_stepsCsv is not null)
        {
            _line.Clear()
                .Append(record.Step).Append(',').Append(record.Epoch).Append(',').Append(record.Position).Append(',').Append(record.BatchSize).Append(',');
            AppendNumber(record.Loss).Append(',');
            AppendNumber(record.LoggedLoss).Append(',');
            AppendNumber(record.LearningRate).Append(',');
            AppendOptionalNumber(record.GradNorm).Append(',');
            AppendOptionalNumber(record.UpdateNorm).Append(',');
            _line.Append(record.OptimizerStep).Append(',');
            AppendIds(record.SampleIds, TelemetryFiles.SampleIdSeparator);
            _stepsCsv.WriteLine(_line);
        }

        if (_stepsJson is not null)
        {
            _line.Clear()
                .Append("{\"step\":").Append(record.Step)
                .Append(",\"epoch\":").Append(record.Epoch)
                .Append(",\"position\":").Append(record.Position)
                .Append(",\"batch_size\":").Append(record.BatchSize)
                .Append(",\"loss\":");
            AppendJsonNumber(record.Loss).Append(",\"logged_loss\":");
            AppendJsonNumber(record.LoggedLoss).Append(",\"lr\":");
            AppendJsonNumber(record.LearningRate).Append(",\"grad_norm\":");
            AppendOptionalJsonNumber(record.GradNorm).Append(",\"update_norm\":");
            AppendOptionalJsonNumber(record.UpdateNorm).Append(",\"optimizer_step\":").Append(record.OptimizerStep).Append(",\"sample_ids\":[");
            AppendIds(record.SampleIds, ',');
            _line.Append("]}");
            _stepsJson.WriteLine(_line);
        }

        FlushIfDue();
    }

    /// <summary>Appends one epoch summary and flushes everything.</summary>
    public void Write(EpochRecord record)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_epochsCsv is not null)
        {
            _line.Clear().Append(record.Epoch).Append(',').Append(record.Steps).Append(',').Append(record.LastStep).Append(',');
            AppendNumber(record.TrainLoss).Append(',');
            AppendNumber(record.HeldOutLoss).Append(',');
            AppendNumber(record.HeldOutAccuracy);
            _epochsCsv.WriteLine(_line);
        }

        if (_epochsJson is not null)
        {
            _line.Clear()
                .Append("{\"epoch\":").Append(record.Epoch)
                .Append(",\"steps\":").Append(record.Steps)
                .Append(",\"last_step\":").Append(record.LastStep)
                .Append(",\"train_loss\":");
            AppendJsonNumber(record.TrainLoss).Append(",\"heldout_loss\":");
            AppendJsonNumber(record.HeldOutLoss).Append(",\"heldout_accuracy\":");
            AppendJsonNumber(record.HeldOutAccuracy).Append('}');
            _epochsJson.WriteLine(_line);
        }

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
        if (_disposed)
        {
            return;
        }

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
        if (_sinceFlush.Elapsed >= FlushInterval)
        {
            Flush();
        }
    }

    private StreamWriter OpenAppend(string name, string? header)
    {
        var path = Path.Combine(Folder, name);
        var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.Read, bufferSize: 1 << 16);
        var writer = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16) { NewLine = "\n" };
        if (header is not null && stream.Length == 0)
        {
            writer.WriteLine(header);
        }

        return writer;
    }

    private StringBuilder AppendNumber(double value) => FormatInto(_line, value);

    /// <summary>A value that was not measured is an empty CSV field.</summary>
    private StringBuilder AppendOptionalNumber(double? value) => value is double v ? AppendNumber(v) : _line;

    /// <summary>A value that was not measured is JSON null.</summary>
    private StringBuilder AppendOptionalJsonNumber(double? value) => value is double v ? AppendJsonNumber(v) : _line.Append("null");

    private StringBuilder AppendJsonNumber(double value) =>
        double.IsFinite(value) ? FormatInto(_line, value) : FormatInto(_line.Append('"'), value).Append('"');

    private static StringBuilder FormatInto(StringBuilder line, double value)
    {
        if (double.IsNaN(value))
        {
            return line.Append("NaN");
        }

        if (double.IsInfinity(value))
        {
            return line.Append(value > 0 ? "Infinity" : "-Infinity");
        }

        // The interpolation handler formats straight into the builder: no string per number.
        var asFloat = (float)value;
        return asFloat == value
            ? line.Append(CultureInfo.InvariantCulture, $"{asFloat:R}")
            : line.Append(CultureInfo.InvariantCulture, $"{value:R}");
    }

    private void AppendIds(IReadOnlyList<int> ids, char separator)
    {
        for (int i = 0; i < ids.Count; i++)
        {
            if (i > 0)
            {
                _line.Append(separator);
            }

            _line.Append(ids[i]);
        }
    }
}
