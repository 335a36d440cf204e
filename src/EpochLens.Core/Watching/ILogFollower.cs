namespace EpochLens.Watching;

/// <summary>
/// Follows a log while a run writes it: each <see cref="Poll"/> reads only what was written since the last one,
/// and <see cref="Snapshot"/> gives everything read so far to diagnose.
/// </summary>
public interface ILogFollower
{
    /// <summary>Reads what was appended since the last call (new files too); true when something new was read.</summary>
    bool Poll(IProblemSink problems);

    /// <summary>How far the run has got, in steps (estimated where the format is only parsed at snapshots); null before any point.</summary>
    long? LastStep { get; }

    /// <summary>Bytes read from the files so far, every poll together: what following costs.</summary>
    long BytesRead { get; }

    /// <summary>
    /// Whether a snapshot now would read a line still being written (worth waiting a poll or two for); a partly
    /// written TensorBoard record is never read, so event files never have one.
    /// </summary>
    bool PartialLinePending { get; }

    /// <summary>The logs as read so far (none before a loss was written), ready to diagnose.</summary>
    IReadOnlyList<TrainingLog> Snapshot(IProblemSink problems);

    /// <summary>Reports what is still partly written when watching ends (a run killed mid-record).</summary>
    void ReportPartialTails(IProblemSink problems);
}
