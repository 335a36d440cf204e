namespace EpochLens.Watching;

/// <summary>What a verdict line compares of one finding: its cause, how sure, how bad.</summary>
public sealed record FindingState(CauseId Cause, ConfidenceLevel Confidence, SeverityLevel Severity)
{
    public static FindingState Of(Finding finding)
    {
        ArgumentNullException.ThrowIfNull(finding);
        return new FindingState(finding.Cause, finding.Confidence.Level, finding.Severity.Level);
    }
}
