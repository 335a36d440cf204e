using System.Text.Json;

namespace EpochLens.Reports;

/// <summary>
/// Reads a run of the JSON form back (docs/diagnosis-json.md): what <c>summarize</c> merges from shards. Whatever
/// the JSON form holds comes back, so writing the result again gives the same JSON; the series and the analysis behind
/// the figures are not in it (<see cref="RunDiagnosis.Analysis"/> is null). The input is untrusted: anything missing,
/// mistyped or out of range is an <see cref="InvalidDataException"/> naming the field.
/// </summary>
public static class DiagnosisJsonReader
{
    /// <summary>The most epochs a run read back may have: the epoch starts are rebuilt as an array.</summary>
    private const long MaxEpochs = 10_000_000;

    public static RunDiagnosis ReadRun(JsonElement run)
    {
        Expect(run, JsonValueKind.Object, "run");
        return new RunDiagnosis
        {
            Source = String(run, "source"),
            Format = String(run, "format"),
            Metric = String(run, "metric"),
            Points = Int(run, "points"),
            NonFinitePoints = Int(run, "non_finite_points"),
            Outcome = Enum<DiagnosisOutcome>(run, "outcome"),
            Verdict = String(run, "verdict"),
            Epochs = Epochs(Property(run, "epochs")),
            Findings = [.. Array(run, "findings").Select(Finding)],
            RuledOut = [.. Array(run, "ruled_out").Select(r => new RuledOut(Cause(r, "cause"), String(r, "reason")))],
            Measurements = [.. Array(run, "measurements").Select(Measurement)],
            SpikeCount = Int(Property(run, "spikes"), "count"),
            Spikes = [.. Array(Property(run, "spikes"), "strongest").Select(s => new Spike(Long(s, "step"), Double(s, "value"), Double(s, "robust_z"), Bool(s, "at_boundary")))],
            Notes = [.. Array(run, "notes").Select(n => Expect(n, JsonValueKind.String, "notes[]").GetString()!)],
        };
    }

    private static EpochResolution Epochs(JsonElement epochs)
    {
        var candidates = Array(epochs, "candidates")
            .Select(c => new PeriodCandidate(Double(c, "steps_per_epoch"), Double(c, "score"), Double(c, "p_value"), String(c, "note")))
            .ToList();
        string explanation = String(epochs, "explanation");
        if (!Bool(epochs, "known")) return new EpochResolution(null, explanation, candidates);

        double perEpoch = Double(epochs, "steps_per_epoch");
        long count = Long(epochs, "count");
        long first = Long(epochs, "first_start_step");
        if (!(perEpoch > 0) || !double.IsFinite(perEpoch) || count < 1 || count > MaxEpochs)
            throw new InvalidDataException($"epochs: steps_per_epoch {perEpoch} and count {count} are not an epoch structure (count from 1 to {MaxEpochs:N0})");

        // The JSON form keeps the first start and the count; regular starts from there give the same JSON again.
        var starts = new long[count];
        starts[0] = first;
        for (long e = 1; e < count; e++)
            starts[e] = Math.Max(starts[e - 1] + 1, first + (long)Math.Round(e * perEpoch, MidpointRounding.AwayFromZero));

        return new EpochResolution(new EpochStructure(starts, perEpoch, Enum<EpochSource>(epochs, "source"), String(epochs, "origin")), explanation, candidates);
    }

    private static Finding Finding(JsonElement f)
    {
        var confidence = Property(f, "confidence");
        var severity = Property(f, "severity");
        return new Finding(
            Cause(f, "cause"),
            String(f, "summary"),
            new Confidence(Enum<ConfidenceLevel>(confidence, "level"), Double(confidence, "p_value"), String(confidence, "basis")),
            [.. Array(f, "evidence").Select(e => new Evidence(String(e, "measurement"), String(e, "statement"), Double(e, "observed"), NullableDouble(e, "without_cause"), NullableDouble(e, "p_value")))],
            [.. Array(f, "counter_evidence").Select(c => new CounterEvidence(Cause(c, "rival"), String(c, "statement")))],
            new Severity(Enum<SeverityLevel>(severity, "level"), Enum<Impact>(severity, "impact"), NullableDouble(severity, "peak_excess"),
                NullableDouble(severity, "recovery_steps"), NullableDouble(severity, "recovery_share_of_epoch"), String(severity, "statement")),
            String(f, "fix"));
    }

    private static Measurement Measurement(JsonElement m) => new(
        String(m, "id"), String(m, "title"), Double(m, "value"), String(m, "unit"), NullableDouble(m, "expected"), NullableDouble(m, "p_value"),
        NullableDouble(m, "low"), NullableDouble(m, "high"), Int(m, "sample_size"), String(m, "method"));

    private static JsonElement Property(JsonElement owner, string name) =>
        owner.ValueKind == JsonValueKind.Object && owner.TryGetProperty(name, out var value)
            ? value
            : throw new InvalidDataException($"field '{name}' is missing");

    private static JsonElement Expect(JsonElement value, JsonValueKind kind, string name) =>
        value.ValueKind == kind ? value : throw new InvalidDataException($"field '{name}' is {value.ValueKind.ToString().ToLowerInvariant()}, not {kind.ToString().ToLowerInvariant()}");

    private static string String(JsonElement owner, string name) => Expect(Property(owner, name), JsonValueKind.String, name).GetString()!;

    private static bool Bool(JsonElement owner, string name) => Property(owner, name).ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        var other => throw new InvalidDataException($"field '{name}' is {other.ToString().ToLowerInvariant()}, not true or false"),
    };

    private static JsonElement.ArrayEnumerator Array(JsonElement owner, string name) => Expect(Property(owner, name), JsonValueKind.Array, name).EnumerateArray();

    private static int Int(JsonElement owner, string name) =>
        Expect(Property(owner, name), JsonValueKind.Number, name).TryGetInt32(out int value) ? value : throw new InvalidDataException($"field '{name}' is not a whole number in range");

    private static long Long(JsonElement owner, string name) =>
        Expect(Property(owner, name), JsonValueKind.Number, name).TryGetInt64(out long value) ? value : throw new InvalidDataException($"field '{name}' is not a whole number in range");

    /// <summary>A number; null stands for a value that was not finite (JSON has no NaN).</summary>
    private static double Double(JsonElement owner, string name) => NullableDouble(owner, name) ?? double.NaN;

    private static double? NullableDouble(JsonElement owner, string name)
    {
        var value = Property(owner, name);
        return value.ValueKind == JsonValueKind.Null ? null : Expect(value, JsonValueKind.Number, name).GetDouble();
    }

    private static CauseId Cause(JsonElement owner, string name)
    {
        string id = String(owner, name);
        return CauseIds.TryParse(id, out var cause) ? cause : throw new InvalidDataException($"field '{name}': unknown cause '{id}'");
    }

    /// <summary>An enumeration as the JSON form spells it ("no-structure"); only the named values.</summary>
    private static TEnum Enum<TEnum>(JsonElement owner, string name)
        where TEnum : struct, Enum
    {
        string text = String(owner, name);
        foreach (var value in System.Enum.GetValues<TEnum>())
        {
            if (string.Equals(JsonValues.Kebab(value.ToString()), text, StringComparison.Ordinal)) return value;
        }

        throw new InvalidDataException($"field '{name}': unknown value '{text}'");
    }
}
