using System.Text.Json;
using EpochLens.Analysis;
using EpochLens.Reports;
using EpochLens.Torch.Experiments;

namespace EpochLens.Cli.Commands.Verify;

/// <summary>
/// verify's JSON (README, "epochlens verify"): written by hand so field names and order are a contract;
/// numbers that are not finite are written as null.
/// </summary>
internal static class VerifyJsonReport
{
    /// <summary>Raised when a field changes meaning or goes away.</summary>
    public const int SchemaVersion = 1;

    public static string ToJson(VerificationReport report, string toolVersion)
    {
        using var stream = new MemoryStream();
        Write(stream, report, toolVersion);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }

    public static void Write(Stream stream, VerificationReport report, string toolVersion)
    {
        using var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true });
        json.WriteStartObject();
        json.WriteNumber("schema_version", SchemaVersion);
        json.WriteString("tool", "epochlens");
        json.WriteString("tool_version", toolVersion);
        json.WriteString("run", report.RunFolder);
        json.WriteString("out", report.OutFolder);
        if (report.Diagnosis is { } d)
        {
            json.WriteStartObject("diagnosis");
            json.WriteString("metric", d.Metric);
            json.WriteString("outcome", JsonValues.Kebab(d.Outcome.ToString()));
            json.WriteString("verdict", d.Verdict);
            json.WriteEndObject();
        }

        json.WriteNumber("parallel_runs", report.Parallelism);
        json.WriteNumber("training_seconds", report.TrainingWallTime.TotalSeconds);
        json.WriteNumber("held_out_images", report.HeldOutCount);
        json.WriteStartArray("causes");
        foreach (var c in report.Causes) WriteCause(json, c);

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteCause(Utf8JsonWriter json, CauseVerification c)
    {
        json.WriteStartObject();
        json.WriteString("cause", c.Cause.ToId());
        json.WriteString("verdict", JsonValues.Kebab(c.Verdict.ToString()));
        json.WriteString("reason", c.Reason);
        json.WriteString("factor", c.Factor);
        json.WriteString("change", c.Change);
        json.WriteBoolean("original_has_factor", c.OriginalHasFactor);
        json.WriteStartObject("budget");
        json.WriteNumber("epochs", c.Budget.Epochs);
        json.WriteNumber("samples_per_epoch", c.Budget.SamplesPerEpoch);
        json.WriteString("reason", c.Budget.Reason);
        json.WriteEndObject();
        if (c.Signature is { } s) json.WriteString("measurement", s.MeasurementId);

        WriteArm(json, "with_factor", c.WithFactor);
        WriteArm(json, "without_factor", c.WithoutFactor);
        if (c.Comparison is { } cmp)
        {
            json.WriteStartObject("comparison");
            JsonValues.Number(json, "difference", cmp.Difference);
            JsonValues.Number(json, "null_sd", cmp.NullSd);
            JsonValues.Number(json, "p_value", cmp.PValue);
            json.WriteNumber("offsets", cmp.Offsets);
            json.WriteString("method", cmp.Method);
            json.WriteEndObject();
        }

        json.WriteStartObject("how_bad");
        if (c.HowBad is { } h)
        {
            json.WriteNumber("steps", h.Steps);
            JsonValues.Number(json, "held_out_loss_with", h.LossWith);
            JsonValues.Number(json, "held_out_loss_without", h.LossWithout);
            JsonValues.Number(json, "held_out_accuracy_with", h.AccuracyWith);
            JsonValues.Number(json, "held_out_accuracy_without", h.AccuracyWithout);
        }

        json.WriteString("statement", c.HowBadStatement);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteArm(Utf8JsonWriter json, string name, ArmResult? arm)
    {
        if (arm is null)
        {
            json.WriteNull(name);
            return;
        }

        json.WriteStartObject(name);
        json.WriteString("label", arm.Label);
        json.WriteString("folder", arm.Folder);
        json.WriteString("metric", arm.Metric);
        json.WriteBoolean("original_setup", arm.IsOriginalSetup);
        json.WriteBoolean("reused_original_telemetry", arm.ReusedOriginalTelemetry);
        json.WriteNumber("steps", arm.Steps);
        JsonValues.Number(json, "wall_seconds", arm.WallTime?.TotalSeconds);
        JsonValues.Number(json, "held_out_loss", arm.HeldOutLoss);
        JsonValues.Number(json, "held_out_accuracy", arm.HeldOutAccuracy);
        json.WriteString("diagnosis_outcome", JsonValues.Kebab(arm.Diagnosis.Outcome.ToString()));
        json.WriteString("diagnosis_verdict", arm.Diagnosis.Verdict);
        WriteMeasurement(json, arm.Signature);
        json.WriteEndObject();
    }

    private static void WriteMeasurement(Utf8JsonWriter json, Measurement? m)
    {
        if (m is null)
        {
            json.WriteNull("signature");
            return;
        }

        json.WriteStartObject("signature");
        json.WriteString("id", m.Id);
        JsonValues.Number(json, "value", m.Value);
        JsonValues.Number(json, "expected", m.Expected);
        JsonValues.Number(json, "p_value", m.PValue);
        json.WriteNumber("sample_size", m.SampleSize);
        json.WriteEndObject();
    }
}
