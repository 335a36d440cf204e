namespace EpochLens.Telemetry;

/// <summary>Which files a <see cref="TelemetryWriter"/> writes.</summary>
[Flags]
public enum TelemetryFormat
{
    Csv = 1,
    JsonLines = 2,
    Both = Csv | JsonLines,
}
