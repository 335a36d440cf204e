using System.Globalization;
using EpochLens.Analysis;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// Turns the two sides' signature measurements and their comparison into a verdict with its reason. A cause is
/// confirmed only when the signature is clear with the factor, gone without it, and the two differ; refuted when
/// the signature stays without the factor, or when a run lacking the factor lacks a signature that the same run
/// with the factor shows clearly (so the test could have seen it); anything else is inconclusive.
/// </summary>
public static class VerdictRules
{
    /// <summary>A signature at or below this p is clear (the engine's "medium" confidence).</summary>
    public const double ClearBelow = 1e-3;

    /// <summary>A signature above this p is absent (the engine's weakest "low" confidence starts at or below it).</summary>
    public const double AbsentAbove = 1e-2;

    /// <summary>Two sides differ when the comparison's p is at or below this.</summary>
    public const double DifferBelow = 1e-3;

    /// <summary>Two sides are alike when the comparison's p is above this.</summary>
    public const double AlikeAbove = 0.05;

    public static (VerifyVerdict Verdict, string Reason) Decide(bool originalHasFactor, Measurement? withFactor, Measurement? withoutFactor, SignatureComparison? comparison)
    {
        if (withFactor?.PValue is not { } pWith || withoutFactor?.PValue is not { } pWithout || comparison?.PValue is not { } pDiff)
            return (VerifyVerdict.Inconclusive, "the signature could not be measured on both runs (too few positions or epochs at this budget); give more --samples-per-epoch or --epochs");

        string numbers = Numbers(withFactor, withoutFactor, comparison);
        bool clearWith = pWith <= ClearBelow, absentWith = pWith > AbsentAbove;
        bool clearWithout = pWithout <= ClearBelow, absentWithout = pWithout > AbsentAbove;
        bool differ = pDiff <= DifferBelow, alike = pDiff > AlikeAbove;
        if (originalHasFactor)
        {
            if (clearWith && absentWithout && differ)
                return (VerifyVerdict.Confirmed, $"switching the factor off removes the pattern: {numbers}");

            if (clearWith && clearWithout && alike)
                return (VerifyVerdict.Refuted, $"the pattern stays when the factor is switched off, so something else makes it: {numbers}");

            if (!clearWith)
                return (VerifyVerdict.Inconclusive, $"the run shows no clear signature of this cause at this budget, so there is nothing for the experiment to remove: {numbers}");

            return (VerifyVerdict.Inconclusive, $"switching the factor off changes the pattern without clearly removing it (another cause may add to it): {numbers}");
        }

        if (absentWithout && clearWith && differ)
            return (VerifyVerdict.Refuted, $"the run does not have the factor and shows none of its signature, which the same run with the factor switched on shows clearly: {numbers}");

        if (clearWithout)
            return (VerifyVerdict.Refuted, $"the run does not have the factor, yet shows the signature, so something else makes it: {numbers}");

        if (absentWith)
            return (VerifyVerdict.Inconclusive, $"even switched on, the factor leaves no clear signature at this budget, so its absence says little: {numbers}");

        return (VerifyVerdict.Inconclusive, $"the two runs do not differ clearly enough to tell: {numbers}");
    }

    /// <summary>The measurements in a clause: value and p on each side, and the difference test.</summary>
    public static string Numbers(Measurement withFactor, Measurement withoutFactor, SignatureComparison comparison)
    {
        ArgumentNullException.ThrowIfNull(withFactor);
        ArgumentNullException.ThrowIfNull(withoutFactor);
        ArgumentNullException.ThrowIfNull(comparison);
        return string.Create(CultureInfo.InvariantCulture,
            $"{withFactor.Id} {withFactor.Value:0.###} with the factor ({P(withFactor.PValue)}) against {withoutFactor.Value:0.###} without ({P(withoutFactor.PValue)}); difference {comparison.Difference:0.###}, {P(comparison.PValue)}");
    }

    /// <summary>A p-value as reports write it.</summary>
    public static string P(double? p) => p switch
    {
        null => "not tested",
        <= 1e-12 => "p < 1e-12",
        < 1e-3 => string.Create(CultureInfo.InvariantCulture, $"p = {p:0.0e0}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"p = {p:0.####}"),
    };
}
