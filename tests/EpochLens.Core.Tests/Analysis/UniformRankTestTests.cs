using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

public class UniformRankTestTests
{
    [Fact]
    public void The_null_law_equals_counting_every_outcome()
    {
        int[] neighbours = [2, 3, 1];
        var counted = new double[7];
        for (int a = 0; a <= 2; a++)
        {
            for (int b = 0; b <= 3; b++)
            {
                for (int c = 0; c <= 1; c++)
                {
                    counted[a + b + c] += 1.0 / 24;
                }
            }
        }

        var law = UniformRankTest.NullLaw(neighbours);
        Assert.Equal(counted.Length, law.Length);
        for (int i = 0; i < law.Length; i++)
        {
            Assert.Equal(counted[i], law[i], 12);
        }
    }

    [Fact]
    public void Five_boundaries_that_all_hold_the_largest_value_are_strong_evidence()
    {
        // Exactly 2 * (1/33)^5; the normal approximation of the mean rank could not go below about 1e-4 here.
        double p = UniformRankTest.TwoSidedP([32, 32, 32, 32, 32], [32, 32, 32, 32, 32]);
        Assert.Equal(2 * Math.Pow(1.0 / 33, 5), p, 12);
    }

    [Fact]
    public void Counts_in_the_middle_give_no_evidence()
    {
        Assert.Equal(1, UniformRankTest.TwoSidedP([16, 16, 16], [32, 32, 32]));
    }

    [Theory]
    [InlineData(3, 8)]
    [InlineData(5, 32)]
    [InlineData(12, 16)]
    [InlineData(40, 32)]
    [InlineData(100, 32)] // the normal approximation
    public void On_boundaries_of_no_effect_its_false_alarm_rate_stays_at_or_below_the_level(int boundaries, int neighbours)
    {
        var random = new Random((boundaries * 100) + neighbours);
        const int Trials = 20_000;
        int at1 = 0, at5 = 0;
        var below = new double[boundaries];
        var among = Enumerable.Repeat(neighbours, boundaries).ToArray();
        for (int t = 0; t < Trials; t++)
        {
            for (int b = 0; b < boundaries; b++)
            {
                // The boundary's value is as likely to have any number of its exchangeable neighbours below it.
                below[b] = random.Next(neighbours + 1);
            }

            double p = UniformRankTest.TwoSidedP(below, among);
            at1 += p <= 0.01 ? 1 : 0;
            at5 += p <= 0.05 ? 1 : 0;
        }

        // Binomial noise over 20,000 trials is about 0.07 and 0.15 percentage points at these levels.
        Assert.InRange(at1 / (double)Trials, 0, 0.0125);
        // An exact test of few boundaries reaches only some levels: below 5 %, but not so far below that it has no power.
        Assert.InRange(at5 / (double)Trials, 0.02, 0.055);
    }
}
