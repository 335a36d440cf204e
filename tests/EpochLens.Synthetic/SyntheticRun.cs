namespace EpochLens.Synthetic;

/// <summary>A generated log with the truth behind it.</summary>
public sealed class SyntheticRun
{
    internal SyntheticRun(Logs.TrainingLog log, PlantedTruth truth, double[] rawStepLosses, string description)
    {
        Log = log;
        Truth = truth;
        RawStepLosses = rawStepLosses;
        Description = description;
    }

    /// <summary>The log as a reader would return it.</summary>
    public Logs.TrainingLog Log { get; }

    public PlantedTruth Truth { get; }

    /// <summary>Each step's batch loss as training computed it, before any logging (running mean, sparse intervals); index = step - first step.</summary>
    public IReadOnlyList<double> RawStepLosses { get; }

    /// <summary>One line: the cause and strength, the run's shape, noise and logging.</summary>
    public string Description { get; }

    public override string ToString() => Description;
}
