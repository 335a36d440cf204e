using EpochLens.Analysis.Periodicity;

namespace EpochLens.Core.Tests.Analysis;

public class FundamentalCheckTests
{
    [Fact]
    public void A_fold_at_five_times_the_period_resolves_to_the_period()
    {
        var view = View(Repeating(10_000, 41, seed: 1), seed: 2);
        Assert.Equal(41, FundamentalCheck.ResolveFold(view, 205, 8), 6);
    }

    [Fact]
    public void A_fold_at_a_whole_multiple_of_a_fractional_period_resolves_to_the_fraction()
    {
        // A log written every 10 steps of an epoch of 1288 steps: 128.8 points, which folds whole at 644.
        var view = View(Repeating(6_000, 128.8, seed: 3), seed: 4);
        Assert.Equal(128.8, FundamentalCheck.ResolveFold(view, 644, 8), 6);
    }

    [Fact]
    public void A_pattern_that_repeats_only_at_its_full_length_is_kept()
    {
        var view = View(Repeating(10_000, 205, seed: 5), seed: 6);
        Assert.Equal(205, FundamentalCheck.ResolveFold(view, 205, 8), 6);
    }

    [Fact]
    public void A_smooth_falling_shape_is_not_taken_for_two_repeats_of_its_halves()
    {
        // A running mean's log change sizes fall like -log k through each epoch: both halves fall, but neither repeats the other.
        var random = new Random(7);
        var levels = new double[12_000];
        for (int t = 0; t < levels.Length; t++)
        {
            levels[t] = -Math.Log(1 + (t % 400)) + SyntheticLoss.Normal(random);
        }

        var view = SpectralView.Search(levels, ResidualChannel.LogMagnitude, 1, true, 8, levels.Length / 3.0, levels.Length / 3 | 1, [])!;
        Assert.Equal(400, FundamentalCheck.ResolveFold(view, 400, 8), 6);
    }

    [Fact]
    public void Noise_folded_at_any_length_is_not_moved()
    {
        var moved = 0;
        for (int seed = 0; seed < 40; seed++)
        {
            var view = View(new double[8_000], seed: 100 + seed);
            moved += FundamentalCheck.ResolveFold(view, 240, 8) == 240 ? 0 : 1;
        }

        Assert.True(moved <= 1, $"{moved} of 40 noise series moved");
    }

    /// <summary>A fixed random profile of <paramref name="period"/> points (sampled at fractional phases), twice the noise's size.</summary>
    private static double[] Repeating(int length, double period, int seed)
    {
        var random = new Random(seed);
        var profile = new double[(int)Math.Ceiling(period)];
        for (int i = 0; i < profile.Length; i++)
        {
            profile[i] = 2 * SyntheticLoss.Normal(random);
        }

        var values = new double[length];
        for (int t = 0; t < length; t++)
        {
            values[t] = profile[(int)Math.Floor(t % period)];
        }

        return values;
    }

    private static SpectralView View(double[] pattern, int seed)
    {
        var random = new Random(seed);
        var levels = new double[pattern.Length];
        for (int t = 0; t < levels.Length; t++)
        {
            levels[t] = pattern[t] + SyntheticLoss.Normal(random);
        }

        return SpectralView.Search(levels, ResidualChannel.Signed, 1, true, 8, levels.Length / 3.0, levels.Length | 1, [])!;
    }
}
