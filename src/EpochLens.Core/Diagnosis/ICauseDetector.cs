namespace EpochLens.Diagnosis;

/// <summary>
/// Turns the measurements of one run into a finding for one cause, or says why the cause does not fit.
/// Detectors are stateless; one that throws becomes a note in the diagnosis, never a crash.
/// </summary>
public interface ICauseDetector
{
    CauseId Cause { get; }

    /// <summary>The finding, or a reason the cause is ruled out (exactly one of the two is non-null).</summary>
    DetectorVerdict Detect(EpochAnalysis analysis);
}
