using EpochLens.Telemetry;

namespace EpochLens.Bench.TrainingSpeed;

/// <summary>A telemetry sink that drops everything: isolates the recorder's tensor work from file writing.</summary>
internal sealed class NullSink : ITelemetrySink
{
    public void Write(StepRecord record)
    {
    }

    public void Write(EpochRecord record)
    {
    }

    public void Flush()
    {
    }
}
