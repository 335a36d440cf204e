using EpochLens.Telemetry;

namespace EpochLens.Torch.Training;

/// <summary>What a finished run did, for the closing summary line.</summary>
/// <param name="EpochsRecorded">Each epoch's summary, in order.</param>
/// <param name="Steps">Batches trained.</param>
/// <param name="TrainingTime">Time spent training, evaluation excluded (telemetry included).</param>
/// <param name="TelemetryTime">The part of the training time spent recording telemetry.</param>
public sealed record TrainingSummary(IReadOnlyList<EpochRecord> EpochsRecorded, long Steps, TimeSpan TrainingTime, TimeSpan TelemetryTime)
{
    /// <summary>What telemetry added to the time of a step, in percent of the step without it.</summary>
    public double TelemetryOverheadPercent => TrainingTime > TelemetryTime
        ? 100 * TelemetryTime.TotalSeconds / (TrainingTime - TelemetryTime).TotalSeconds
        : double.NaN;

    public int Epochs => EpochsRecorded.Count;

    public double FinalTrainLoss => EpochsRecorded.Count > 0 ? EpochsRecorded[^1].TrainLoss : double.NaN;

    public double FinalHeldOutLoss => EpochsRecorded.Count > 0 ? EpochsRecorded[^1].HeldOutLoss : double.NaN;

    public double FinalHeldOutAccuracy => EpochsRecorded.Count > 0 ? EpochsRecorded[^1].HeldOutAccuracy : double.NaN;

    public double StepsPerSecond => TrainingTime > TimeSpan.Zero ? Steps / TrainingTime.TotalSeconds : double.NaN;
}
