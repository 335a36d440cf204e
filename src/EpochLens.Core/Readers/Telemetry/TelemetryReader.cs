using EpochLens.Telemetry;

namespace EpochLens.Readers.Telemetry;

/// <summary>EpochLens's own telemetry folder (<see cref="TelemetryWriter"/>), one log with its sample ids.</summary>
public sealed class TelemetryReader : ILogReader
{
    public static readonly TelemetryReader Default = new();

    public string Format => "epochlens";

    public string Description => "EpochLens telemetry folders (steps.csv/steps.jsonl, epochs.*, run.json)";

    public bool Recognises(string path, ReadOnlySpan<byte> head) => TelemetryFolder.Kind(path, head) is not null;

    public string GroupKey(string path) => Path.GetDirectoryName(Path.GetFullPath(path)) ?? path;

    public IReadOnlyList<TrainingLog> Read(LogSource source, ReadOptions options, IProblemSink problems)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(problems);
        return [.. source.Runs(GroupKey).Select(run =>
            new TelemetryRunParser(TelemetryFolder.Find(run.Key, run.Files), options, problems).Read(run.Name, Format))];
    }
}
