using System.Text.Json;
using EpochLens.Sweeps;

namespace EpochLens.Reports;

/// <summary>
/// The JSON form of diagnoses (docs/diagnosis-json.md describes every field). Written by hand with
/// <see cref="Utf8JsonWriter"/> so that field names and order are a stable contract, not a side effect of
/// class shapes; numbers that are not finite are written as null.
/// </summary>
public static class JsonReport
{
    public static void Write(Stream stream, IReadOnlyList<RunDiagnosis> runs, string toolVersion) => Write(stream, runs, toolVersion, null);

    /// <param name="skipped">A sweep's logs that gave no diagnosis, written as <c>skipped</c>; none for a single log.</param>
    public static void Write(Stream stream, IReadOnlyList<RunDiagnosis> runs, string toolVersion, IReadOnlyList<SkippedRun>? skipped)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(runs);
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schema_version", RunDiagnosis.SchemaVersion);
        json.WriteString("tool", "epochlens");
        json.WriteString("tool_version", toolVersion);
        json.WriteStartArray("runs");
        foreach (var run in runs) WriteRun(json, run);

        json.WriteEndArray();
        if (skipped is not null)
        {
            json.WriteStartArray("skipped");
            foreach (var s in skipped) WriteSkipped(json, s);

            json.WriteEndArray();
        }

        json.WriteEndObject();
    }

    /// <summary>One run as one line of JSON Lines (no newline): the object the document's <c>runs</c> holds.</summary>
    public static string RunLine(RunDiagnosis run)
    {
        ArgumentNullException.ThrowIfNull(run);
        return Line(json => WriteRun(json, run));
    }

    /// <summary>A skipped log as one line of JSON Lines: <c>{"skipped": {"source": ..., "reason": ...}}</c>.</summary>
    public static string SkippedLine(SkippedRun skipped)
    {
        ArgumentNullException.ThrowIfNull(skipped);
        return Line(json =>
        {
            json.WriteStartObject();
            json.WritePropertyName("skipped");
            WriteSkipped(json, skipped);
            json.WriteEndObject();
        });
    }

    private static string Line(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            write(json);
        }

        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteSkipped(Utf8JsonWriter json, SkippedRun skipped)
    {
        json.WriteStartObject();
        json.WriteString("source", skipped.Source);
        json.WriteString("reason", skipped.Reason);
        json.WriteEndObject();
    }

    public static string ToJson(IReadOnlyList<RunDiagnosis> runs, string toolVersion)
    {
        using var stream = new MemoryStream();
        Write(stream, runs, toolVersion);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteRun(Utf8JsonWriter json, RunDiagnosis run)
    {
        json.WriteStartObject();
        json.WriteString("source", run.Source);
        json.WriteString("format", run.Format);
        json.WriteString("metric", run.Metric);
        json.WriteNumber("points", run.Points);
        json.WriteNumber("non_finite_points", run.NonFinitePoints);
        json.WriteString("outcome", JsonValues.Kebab(run.Outcome.ToString()));
        json.WriteString("verdict", run.Verdict);
        WriteEpochs(json, run.Epochs);
        json.WriteStartArray("findings");
        foreach (var finding in run.Findings) WriteFinding(json, finding);

        json.WriteEndArray();
        JsonValues.Objects(json, "ruled_out", run.RuledOut, static (json, ruled) =>
        {
            json.WriteString("cause", ruled.Cause.ToId());
            json.WriteString("reason", ruled.Reason);
        });
        JsonValues.Objects(json, "measurements", run.Measurements, static (json, m) =>
        {
            json.WriteString("id", m.Id);
            json.WriteString("title", m.Title);
            JsonValues.Number(json, "value", m.Value);
            json.WriteString("unit", m.Unit);
            JsonValues.Number(json, "expected", m.Expected);
            JsonValues.Number(json, "p_value", m.PValue);
            JsonValues.Number(json, "low", m.Low);
            JsonValues.Number(json, "high", m.High);
            json.WriteNumber("sample_size", m.SampleSize);
            json.WriteString("method", m.Method);
        });
        json.WriteStartObject("spikes");
        json.WriteNumber("count", run.SpikeCount);
        json.WriteNumber("threshold_robust_sd", SpikeScan.Threshold);
        JsonValues.Objects(json, "strongest", run.Spikes, static (json, spike) =>
        {
            json.WriteNumber("step", spike.Step);
            JsonValues.Number(json, "value", spike.Value);
            JsonValues.Number(json, "robust_z", spike.RobustZ);
            json.WriteBoolean("at_boundary", spike.AtBoundary);
        });
        json.WriteEndObject();
        json.WriteStartArray("notes");
        foreach (var note in run.Notes) json.WriteStringValue(note);

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteEpochs(Utf8JsonWriter json, EpochResolution epochs)
    {
        json.WriteStartObject("epochs");
        json.WriteBoolean("known", epochs.Structure is not null);
        if (epochs.Structure is { } s)
        {
            json.WriteString("source", JsonValues.Kebab(s.Source.ToString()));
            json.WriteString("origin", s.Origin);
            JsonValues.Number(json, "steps_per_epoch", s.StepsPerEpoch);
            json.WriteNumber("count", s.EpochCount);
            json.WriteNumber("first_start_step", s.StartSteps[0]);
        }

        json.WriteString("explanation", epochs.Explanation);
        JsonValues.Objects(json, "candidates", epochs.Candidates, static (json, c) =>
        {
            JsonValues.Number(json, "steps_per_epoch", c.StepsPerEpoch);
            JsonValues.Number(json, "score", c.Score);
            JsonValues.Number(json, "p_value", c.PValue);
            json.WriteString("note", c.Note);
        });
        json.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter json, Finding f)
    {
        json.WriteStartObject();
        json.WriteString("cause", f.Cause.ToId());
        json.WriteString("summary", f.Summary);
        json.WriteStartObject("confidence");
        json.WriteString("level", JsonValues.Kebab(f.Confidence.Level.ToString()));
        JsonValues.Number(json, "p_value", f.Confidence.PValue);
        json.WriteString("basis", f.Confidence.Basis);
        json.WriteEndObject();
        JsonValues.Objects(json, "evidence", f.Evidence, static (json, e) =>
        {
            json.WriteString("measurement", e.MeasurementId);
            json.WriteString("statement", e.Statement);
            JsonValues.Number(json, "observed", e.Observed);
            JsonValues.Number(json, "without_cause", e.WithoutCause);
            JsonValues.Number(json, "p_value", e.PValue);
        });
        JsonValues.Objects(json, "counter_evidence", f.CounterEvidence, static (json, c) =>
        {
            json.WriteString("rival", c.Rival.ToId());
            json.WriteString("statement", c.Statement);
        });
        json.WriteStartObject("severity");
        json.WriteString("level", JsonValues.Kebab(f.Severity.Level.ToString()));
        json.WriteString("impact", JsonValues.Kebab(f.Severity.Impact.ToString()));
        JsonValues.Number(json, "peak_excess", f.Severity.PeakExcess);
        JsonValues.Number(json, "recovery_steps", f.Severity.RecoverySteps);
        JsonValues.Number(json, "recovery_share_of_epoch", f.Severity.RecoveryShareOfEpoch);
        json.WriteString("statement", f.Severity.Statement);
        json.WriteEndObject();
        json.WriteString("fix", f.Fix);
        json.WriteEndObject();
    }
}
