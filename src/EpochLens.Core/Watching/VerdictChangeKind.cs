namespace EpochLens.Watching;

/// <summary>How a run's verdict moved between two diagnoses.</summary>
public enum VerdictChangeKind
{
    /// <summary>The run's first diagnosis.</summary>
    First,

    /// <summary>The kind of answer changed (cannot tell, no structure, findings).</summary>
    Outcome,

    NewFinding,

    FindingGone,

    ConfidenceUp,

    ConfidenceDown,

    SeverityChanged,

    /// <summary>Still no finding, said now and then (after 4, 16, 64 ... unchanged diagnoses) so a quiet run is seen to be watched.</summary>
    StillNothing,
}
