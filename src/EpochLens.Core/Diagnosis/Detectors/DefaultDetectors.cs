namespace EpochLens.Diagnosis.Detectors;

/// <summary>The detectors a diagnosis runs, one per named cause.</summary>
public static class DefaultDetectors
{
    public static IReadOnlyList<ICauseDetector> All { get; } =
    [
        RunningMeanLoggingDetector.Default,
        PartialLastBatchDetector.Default,
        FixedOrderDetector.Default,
        OptimizerResetDetector.Default,
        LrScheduleDetector.Default,
        StateReloadDetector.Default,
        RecencyDetector.Default,
        GradAccumulationLeftoverDetector.Default,
    ];
}
