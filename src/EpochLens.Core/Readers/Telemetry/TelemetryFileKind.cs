namespace EpochLens.Readers.Telemetry;

/// <summary>Which file of a telemetry folder a file is.</summary>
internal enum TelemetryFileKind
{
    None,
    StepsCsv,
    StepsJsonLines,
    EpochsCsv,
    EpochsJsonLines,
    RunDescription,
}
