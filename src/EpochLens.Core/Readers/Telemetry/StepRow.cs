namespace EpochLens.Readers.Telemetry;

/// <summary>One parsed line of steps.csv or steps.jsonl; a norm that was not measured is NaN with its flag off.</summary>
internal struct StepRow
{
    public long Step;
    public long Epoch;
    public long Position;
    public long BatchSize;
    public double Loss;
    public double LoggedLoss;
    public double LearningRate;
    public double GradNorm;
    public bool HasGradNorm;
    public double UpdateNorm;
    public bool HasUpdateNorm;
    public long OptimizerStep;
    public int[] SampleIds;
}
