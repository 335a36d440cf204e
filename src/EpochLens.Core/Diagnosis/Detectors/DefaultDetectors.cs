namespace EpochLens.Diagnosis.Detectors;

/// <summary>The detectors a diagnosis runs, one per named cause.</summary>
public static class DefaultDetectors
{
    public static IReadOnlyList<ICauseDetector> All { get; } =
    [
        new RunningMeanLoggingDetector(),
        new PartialLastBatchDetector(),
        new FixedOrderDetector(),
        new OptimizerResetDetector(),
        new LrScheduleDetector(),
        new StateReloadDetector(),
        new RecencyDetector(),
        new GradAccumulationLeftoverDetector(),
    ];
}
