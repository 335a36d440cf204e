using EpochLens.Readers.Series;

namespace EpochLens.Core.Tests.Readers.Series;

public sealed class EpochHintsTests
{
    [Fact]
    public void Steps_per_epoch_from_fractions_is_the_median_over_the_later_entries()
    {
        long[] steps = [10, 20, 100, 200, 300, 400, 9999];
        double[] epochs = [0.01, 0.02, 1.0, 2.0, 3.0, 4.0, 4.01];

        // The last entry is odd (step 9999 at epoch 4.01): the median of the upper half ignores it.
        Assert.Equal(100, EpochHints.StepsPerEpochFromFraction(steps, epochs)!.Value, 6);
    }

    [Fact]
    public void Steps_per_epoch_from_fractions_needs_a_positive_epoch()
    {
        Assert.Null(EpochHints.StepsPerEpochFromFraction([1, 2], [0, double.NaN]));
        Assert.Null(EpochHints.StepsPerEpochFromFraction([], []));
    }

    [Theory]
    [InlineData(104, true)]
    [InlineData(103.09, false)]
    [InlineData(105, false)]
    public void An_epoch_length_must_fit_where_the_epochs_cross_whole_numbers(double stepsPerEpoch, bool fits)
    {
        // 104 steps per epoch logged every 2 steps, epochs rounded to 2 decimals as older transformers log them.
        var steps = new List<long>();
        var epochs = new List<double>();
        for (long step = 2; step <= 1400; step += 2)
        {
            steps.Add(step);
            epochs.Add(Math.Round(step / 104.0, 2));
        }

        Assert.Equal(fits, EpochHints.FitsEpochCrossings(stepsPerEpoch, steps.ToArray(), epochs.ToArray()));
    }

    [Fact]
    public void A_log_within_its_first_epoch_fits_any_length() =>
        Assert.True(EpochHints.FitsEpochCrossings(50, [10, 20, 30], [0.1, 0.2, 0.3]));
}
