namespace EpochLens.Diagnosis.Detectors;

/// <summary>A built-in detector: the cause it tests, given once to the constructor, and its test.</summary>
internal abstract class CauseDetector(CauseId cause) : ICauseDetector
{
    public CauseId Cause => cause;

    public abstract DetectorVerdict Detect(EpochAnalysis analysis);
}
