namespace EpochLens.Analysis;

/// <summary>
/// One number the analysis measured, with its uncertainty and what it would be without epoch structure:
/// the unit of evidence that findings cite and reports render.
/// </summary>
/// <param name="Id">Stable id, e.g. "boundary-jump" (see <see cref="MeasurementIds"/>).</param>
/// <param name="Title">Short human name, e.g. "Jump at the boundary".</param>
/// <param name="Value">The estimate.</param>
/// <param name="Unit">The unit of <paramref name="Value"/>, e.g. "robust SD", "steps", "ratio".</param>
/// <param name="Expected">What the value would be with no epoch-aligned structure.</param>
/// <param name="PValue">Probability of a value at least this far from <paramref name="Expected"/> under that null, when tested.</param>
/// <param name="Low">Lower end of an interval around <paramref name="Value"/>, when there is one.</param>
/// <param name="High">Upper end of that interval.</param>
/// <param name="SampleSize">How many independent units the estimate rests on (epochs, boundaries, points).</param>
/// <param name="Method">How it was measured and tested, in a sentence.</param>
public sealed record Measurement(
    string Id,
    string Title,
    double Value,
    string Unit,
    double? Expected,
    double? PValue,
    double? Low,
    double? High,
    int SampleSize,
    string Method)
{
    /// <summary>True when tested and the p-value is at most <paramref name="alpha"/>.</summary>
    public bool IsSignificant(double alpha) => PValue is { } p && p <= alpha;

    public override string ToString() => $"{Id} = {Value:G4} {Unit}{(PValue is { } p ? $" (p = {p:G2})" : "")}";
}
