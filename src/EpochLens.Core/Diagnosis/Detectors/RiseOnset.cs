namespace EpochLens.Diagnosis.Detectors;

/// <summary>Where a rise of the loss at the epoch boundary begins, as far as the log can tell.</summary>
internal enum RiseOnset
{
    /// <summary>No rise, or the log cannot tell: edge steps not logged, or values smoothed across the boundary.</summary>
    Unknown,

    /// <summary>The epoch's first loss, computed before any update of the epoch, already carries the rise.</summary>
    AtFirstStep,

    /// <summary>The first loss is at the old level and the rise comes after the first update.</summary>
    AfterFirstUpdate,
}
