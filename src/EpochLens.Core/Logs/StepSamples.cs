namespace EpochLens.Logs;

/// <summary>The training-set ids of the samples in each step's batch.</summary>
public sealed class StepSamples
{
    public StepSamples(long[] steps, int[][] ids)
    {
        if (steps.Length != ids.Length) throw new ArgumentException($"{steps.Length} steps but {ids.Length} id lists");

        Steps = steps;
        Ids = ids;
    }

    public IReadOnlyList<long> Steps { get; }

    public IReadOnlyList<int[]> Ids { get; }
}
