using EpochLens.Telemetry;

namespace EpochLens.Torch.Tests.Training;

/// <summary>Keeps telemetry in memory so tests can inspect every record.</summary>
internal sealed class MemorySink : ITelemetrySink
{
    public List<StepRecord> Steps { get; } = [];

    public List<EpochRecord> Epochs { get; } = [];

    public void Write(StepRecord record) => Steps.Add(record);

    public void Write(EpochRecord record) => Epochs.Add(record);

    public void Flush()
    {
    }

    public IEnumerable<StepRecord> InEpoch(int epoch) => Steps.Where(s => s.Epoch == epoch);
}
