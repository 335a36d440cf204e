using System.Globalization;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// How much the factor costs the model: held-out loss and accuracy of the run with it and the run without it,
/// after the same budget, from the same seed and initial weights.
/// </summary>
public sealed record HowBad(long Steps, double LossWith, double LossWithout, double AccuracyWith, double AccuracyWithout)
{
    /// <summary>Held-out loss with the factor minus without it (positive: the factor hurts).</summary>
    public double LossDifference => LossWith - LossWithout;

    /// <summary>Held-out accuracy with the factor minus without it, in points of percent (negative: the factor hurts).</summary>
    public double AccuracyPoints => 100 * (AccuracyWith - AccuracyWithout);

    /// <summary>
    /// Two runs' accuracies on the same held-out images differ by chance too: the binomial standard error of the
    /// difference, in points, says how large a difference means anything.
    /// </summary>
    public double AccuracyNoisePoints(int heldOutCount) => heldOutCount <= 0
        ? double.NaN
        : 100 * Math.Sqrt(((AccuracyWith * (1 - AccuracyWith)) + (AccuracyWithout * (1 - AccuracyWithout))) / heldOutCount);

    /// <summary>The comparison in a sentence.</summary>
    public string Statement(int heldOutCount)
    {
        if (!double.IsFinite(LossWith) || !double.IsFinite(LossWithout)) return "No held-out results to compare.";

        if (LossWith == LossWithout && AccuracyWith == AccuracyWithout)
            return string.Create(CultureInfo.InvariantCulture, $"Identical held-out results after {Steps} steps (loss {LossWith:F4}, accuracy {AccuracyWith:P1}): the factor does not touch training, only what is logged.");

        double noise = AccuracyNoisePoints(heldOutCount);
        string size = Math.Abs(AccuracyPoints) <= 2 * noise
            ? string.Create(CultureInfo.InvariantCulture, $"within the noise of {heldOutCount} held-out images: the difference's standard error is about {noise:F1} points")
            : AccuracyPoints < 0 ? "worse beyond the held-out noise" : "better beyond the held-out noise";
        return string.Create(CultureInfo.InvariantCulture,
            $"After the same {Steps} steps: held-out loss {LossWith:F4} with the factor, {LossWithout:F4} without ({LossDifference:+0.0000;-0.0000;0}, {100 * LossDifference / LossWithout:+0.0;-0.0;0} %); accuracy {AccuracyWith:P1} against {AccuracyWithout:P1} ({AccuracyPoints:+0.0;-0.0;0} points, {size}).");
    }
}
