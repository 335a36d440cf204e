using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

public class AcrossEpochTestTests
{
    [Fact]
    public void Matches_a_one_sample_t_test()
    {
        // mean 2, sd 1 (1, 2, 3), n 3: t = 3.464 with 2 degrees of freedom, two-sided p = 0.0742.
        Assert.Equal(0.0742, AcrossEpochTest.PValue([1, 2, 3])!.Value, 3);
    }

    [Fact]
    public void Needs_two_values()
    {
        Assert.Null(AcrossEpochTest.PValue([1.0]));
    }

    [Theory]
    [InlineData(0.01, 0.2, 0.02)]
    [InlineData(0.6, 0.9, 1.0)]
    public void Combining_two_tests_doubles_the_smaller_p(double a, double b, double expected)
    {
        Assert.Equal(expected, AcrossEpochTest.Combine(a, b)!.Value, 10);
    }

    [Fact]
    public void Combining_with_a_missing_test_keeps_the_other()
    {
        Assert.Equal(0.3, AcrossEpochTest.Combine(null, 0.3));
        Assert.Null(AcrossEpochTest.Combine(null, null));
    }
}
