namespace EpochLens.Torch.Training;

/// <summary>The learning rate at each position of an epoch: constant, or cosine warm restarts at every epoch.</summary>
public sealed class LearningRateSchedule(double baseRate, bool restartEachEpoch)
{
    /// <summary>The rate for the batch at <paramref name="position"/> of an epoch of <paramref name="stepsPerEpoch"/> batches.</summary>
    public double At(int position, int stepsPerEpoch) => restartEachEpoch
        ? baseRate * 0.5 * (1 + Math.Cos(Math.PI * position / stepsPerEpoch))
        : baseRate;
}
