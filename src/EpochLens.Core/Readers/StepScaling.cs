namespace EpochLens.Readers;

/// <summary>
/// How a reader turns a step column into whole steps once it has seen fractions there (see
/// <see cref="FractionalSteps"/>): as written (<see cref="None"/>), every step times 10^<see cref="Decimals"/>,
/// or the row order in place of the column.
/// </summary>
/// <param name="Decimals">Decimal places every step is moved by: 1 reads "0.5" as 5.</param>
/// <param name="RowOrder">The column is not read as steps: the row index (from 0) is the step.</param>
internal readonly record struct StepScaling(int Decimals, bool RowOrder)
{
    /// <summary>Steps as written: a fractional one is counted and its row skipped (<see cref="FractionalSteps"/>).</summary>
    public static StepScaling None => default;

    public bool IsNone => Decimals == 0 && !RowOrder;
}
