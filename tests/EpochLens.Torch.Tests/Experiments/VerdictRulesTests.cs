using EpochLens.Analysis;
using EpochLens.Torch.Experiments;

namespace EpochLens.Torch.Tests.Experiments;

public sealed class VerdictRulesTests
{
    [Theory]
    // The run has the factor: switched off, the pattern must go away.
    [InlineData(true, 1e-12, 0.5, 1e-12, VerifyVerdict.Confirmed)]
    [InlineData(true, 1e-12, 1e-6, 0.6, VerifyVerdict.Refuted)]
    [InlineData(true, 0.2, 0.5, 0.4, VerifyVerdict.Inconclusive)]
    [InlineData(true, 1e-12, 0.005, 1e-6, VerifyVerdict.Inconclusive)]
    [InlineData(true, 1e-12, 0.5, 0.01, VerifyVerdict.Inconclusive)]
    // The run lacks the factor: switched on, the test must see it for a refutation to mean anything.
    [InlineData(false, 1e-12, 0.5, 1e-12, VerifyVerdict.Refuted)]
    [InlineData(false, 0.3, 0.5, 0.7, VerifyVerdict.Inconclusive)]
    [InlineData(false, 1e-9, 1e-5, 0.8, VerifyVerdict.Refuted)]
    public void Decides_from_both_sides_and_their_difference(bool originalHasFactor, double pWith, double pWithout, double pDifference, VerifyVerdict expected)
    {
        var (verdict, reason) = VerdictRules.Decide(originalHasFactor, Measured(0.9, pWith), Measured(0.01, pWithout), Compared(pDifference));

        Assert.Equal(expected, verdict);
        Assert.Contains("position-correlation 0.9 with the factor", reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Is_inconclusive_when_a_side_could_not_be_measured()
    {
        var (verdict, reason) = VerdictRules.Decide(true, Measured(0.9, 1e-12), null, Compared(1e-12));

        Assert.Equal(VerifyVerdict.Inconclusive, verdict);
        Assert.Contains("could not be measured", reason, StringComparison.Ordinal);
    }

    private static Measurement Measured(double value, double p) =>
        new(MeasurementIds.PositionCorrelation, "test", value, "correlation", 0, p, null, null, 100, "test");

    private static SignatureComparison Compared(double p) => new(0.89, 0.1, p, 100, "test");
}
