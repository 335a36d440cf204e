using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>The position-by-position correlation that the fixed-order test and verify's signature both read.</summary>
public sealed class CircularCorrelationTests
{
    private static readonly double[] Profile = [3, -1, 4, 1, -5, 9, -2, 6];

    [Fact]
    public void A_profile_correlates_1_with_itself_and_minus_1_with_its_mirror()
    {
        var negated = Profile.Select(v => -v).ToArray();

        Assert.Equal(1, CircularCorrelation.Of(Profile, Profile)!.At(0), 12);
        Assert.Equal(-1, CircularCorrelation.Of(Profile, negated)!.At(0), 12);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(-5)]
    [InlineData(11)]
    public void The_offset_that_undoes_a_rotation_finds_the_pattern_again(int offset)
    {
        int n = Profile.Length;
        var rotated = Enumerable.Range(0, n).Select(i => Profile[(((i - offset) % n) + n) % n]).ToArray();

        var correlation = CircularCorrelation.Of(Profile, rotated)!;

        Assert.Equal(1, correlation.At(offset), 12);
        Assert.True(correlation.At(offset + 1) < 1);
    }

    [Fact]
    public void A_flat_profile_has_no_correlation() =>
        Assert.Null(CircularCorrelation.Of(Profile, [2, 2, 2, 2, 2, 2, 2, 2]));
}
