using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

public class RotationTestTests
{
    [Fact]
    public void A_spike_at_the_boundary_of_a_noisy_profile_is_significant()
    {
        var rng = new Random(3);
        var profile = Enumerable.Range(0, 500).Select(_ => Normal(rng)).ToArray();
        profile[0] += 6;
        var result = RotationTest.Run(profile.Length, 1, offset => profile[offset]);
        Assert.True(result.PValue < 0.005, $"p = {result.PValue}");
        Assert.True(result.Standardized > 4);
    }

    [Fact]
    public void Its_false_alarm_rate_on_noise_matches_the_level()
    {
        var rng = new Random(11);
        int alarms = 0;
        const int Trials = 1000;
        for (int t = 0; t < Trials; t++)
        {
            // Heavy-tailed, autocorrelated noise: the test must not assume either away.
            var profile = new double[300];
            double previous = 0;
            for (int i = 0; i < profile.Length; i++)
            {
                previous = (0.6 * previous) + (Normal(rng) / Math.Max(0.05, rng.NextDouble()));
                profile[i] = previous;
            }

            var window = profile;
            var result = RotationTest.Run(profile.Length, 3, offset => Mean(window, offset, 3) - Mean(window, offset - 3, 3));
            if (result.PValue <= 0.05)
            {
                alarms++;
            }
        }

        double rate = alarms / (double)Trials;
        Assert.InRange(rate, 0.02, 0.08);
    }

    [Fact]
    public void Too_few_offsets_give_no_p_value()
    {
        var result = RotationTest.Run(8, 3, offset => offset);
        Assert.Null(result.PValue);
    }

    private static double Mean(double[] values, int start, int count)
    {
        double sum = 0;
        for (int i = 0; i < count; i++)
        {
            sum += values[(((start + i) % values.Length) + values.Length) % values.Length];
        }

        return sum / count;
    }

    internal static double Normal(Random rng) => Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
}
