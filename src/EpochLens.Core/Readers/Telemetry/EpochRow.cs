namespace EpochLens.Readers.Telemetry;

/// <summary>One parsed line of epochs.csv or epochs.jsonl.</summary>
internal struct EpochRow
{
    public long Epoch;
    public long Steps;
    public long LastStep;
    public double TrainLoss;
    public double HeldOutLoss;
    public double HeldOutAccuracy;
}
