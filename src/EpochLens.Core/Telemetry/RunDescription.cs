using System.Text.Json.Serialization;

namespace EpochLens.Telemetry;

/// <summary>
/// The run.json of a telemetry folder: how the run was set up, so that an analysis knows the epoch
/// length and which cause switches were on without guessing.
/// </summary>
public sealed record RunDescription
{
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; init; } = CurrentSchemaVersion;
    public string Tool { get; init; } = "epochlens";
    public string ToolVersion { get; init; } = typeof(RunDescription).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";
    public required string Data { get; init; }
    public required int Seed { get; init; }
    public required int Epochs { get; init; }
    public required int SamplesPerEpoch { get; init; }
    public required int BatchSize { get; init; }
    public required int StepsPerEpoch { get; init; }
    public required double LearningRate { get; init; }
    public required string Optimizer { get; init; }
    public required string Order { get; init; }

    /// <summary>Each cause switch that is on, by its option name, with its value.</summary>
    public required IReadOnlyDictionary<string, string> CauseSwitches { get; init; }

    /// <summary>Which steps have gradient and update norms in the telemetry.</summary>
    public string? NormSchedule { get; init; }

    public DateTimeOffset StartedAt { get; init; } = DateTimeOffset.UtcNow;

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string ToJson() => JsonSerializer.Serialize(this, JsonOptions);

    /// <summary>Reads a run.json; throws <see cref="InvalidDataException"/> naming the file when it is not one.</summary>
    public static RunDescription Read(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<RunDescription>(File.ReadAllText(path), JsonOptions)
                ?? throw new InvalidDataException($"{path}: empty run description");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}: not a valid EpochLens run description ({e.Message})", e);
        }
    }

    public void Write(string folder) => File.WriteAllText(Path.Combine(folder, TelemetryFiles.RunDescription), ToJson() + "\n");
}
