namespace EpochLens.Readers;

/// <summary>How a reader makes a step column whole where it has fractions (<see cref="FractionalSteps"/>).</summary>
/// <param name="Decimals">Decimal places every step is moved by: 1 reads "0.5" as 5.</param>
/// <param name="RowOrder">The column is not read as steps: the row index (from 0) is the step.</param>
internal readonly record struct StepScaling(int Decimals, bool RowOrder)
{
    /// <summary>Steps as written: a fractional one is counted and its row skipped.</summary>
    public static StepScaling None => default;

    public bool IsNone => Decimals == 0 && !RowOrder;
}
