namespace EpochLens.Settings;

/// <summary>
/// A setting the user can give that would settle what a message reports: an epoch length the log does not say, the
/// series to diagnose, a step column detection missed, how to read a decimal comma, a larger memory budget.
/// </summary>
public enum Setting
{
    /// <summary>The epoch length in steps (<see cref="Diagnosis.DiagnosisOptions.StepsPerEpoch"/>).</summary>
    StepsPerEpoch,

    /// <summary>The series to read or diagnose (<see cref="Readers.ReadOptions.Metric"/>).</summary>
    Metric,

    /// <summary>The column or key holding the step (<see cref="Readers.ReadOptions.StepColumn"/>).</summary>
    StepColumn,

    /// <summary>Read numbers with a decimal comma (<see cref="Readers.ReadOptions.DecimalComma"/>).</summary>
    DecimalComma,

    /// <summary>The memory a read may fill (<see cref="Readers.ReadOptions.MemoryBudgetBytes"/>).</summary>
    MemoryBudget,
}
