namespace EpochLens.Torch.Training;

/// <summary>The learning rate at each position of an epoch: constant, or cosine warm restarts at every epoch.</summary>
public sealed class LearningRateSchedule
{
    private readonly double _baseRate;
    private readonly bool _restartEachEpoch;

    public LearningRateSchedule(double baseRate, bool restartEachEpoch)
    {
        _baseRate = baseRate;
        _restartEachEpoch = restartEachEpoch;
    }

    /// <summary>The rate for the batch at <paramref name="position"/> of an epoch of <paramref name="stepsPerEpoch"/> batches.</summary>
    public double At(int position, int stepsPerEpoch) => _restartEachEpoch
        ? _baseRate * 0.5 * (1 + Math.Cos(Math.PI * position / stepsPerEpoch))
        : _baseRate;
}
