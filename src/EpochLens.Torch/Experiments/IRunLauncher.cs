using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>Trains one planned run and writes its telemetry and run.json to the run's folder.</summary>
public interface IRunLauncher
{
    /// <summary>True when several runs may train at once through this launcher.</summary>
    bool CanRunSideBySide { get; }

    /// <summary>Trains <paramref name="run"/>, reporting progress a few times a second; returns the steps trained.</summary>
    long Train(PlannedRun run, IProgress<TrainingProgress>? progress, CancellationToken cancellation);
}
