namespace EpochLens.Synthetic.Internals;

/// <summary>What training produced, one entry per step (batch), before any logging.</summary>
internal sealed class SimulatedSteps
{
    public SimulatedSteps(long steps, int epochs, bool rates, bool optimizerSteps, bool updateNorms, bool ids)
    {
        Loss = new double[steps];
        Rate = rates ? new double[steps] : null;
        OptimizerStep = optimizerSteps ? new double[steps] : null;
        UpdateNorm = updateNorms ? new double[steps] : null;
        Ids = ids ? new int[steps][] : null;
        HeldOutLoss = new double[epochs];
    }

    public double[] Loss { get; }

    /// <summary>The learning rate itself (not relative), when logged.</summary>
    public double[]? Rate { get; }

    public double[]? OptimizerStep { get; }

    public double[]? UpdateNorm { get; }

    public int[][]? Ids { get; }

    /// <summary>The held-out loss at the end of each epoch.</summary>
    public double[] HeldOutLoss { get; }
}
