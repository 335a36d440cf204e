namespace EpochLens.Telemetry;

/// <summary>Where telemetry records go: files (<see cref="TelemetryWriter"/>) or, in tests, memory.</summary>
public interface ITelemetrySink
{
    void Write(StepRecord record);

    void Write(EpochRecord record);

    /// <summary>Pushes buffered records to their destination.</summary>
    void Flush();
}
