using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

public class EpochLengthInferenceTests
{
    [Fact]
    public void A_running_mean_printed_every_five_steps_over_five_epochs_is_found_by_its_shrinking_changes()
    {
        // The mean of each epoch's losses so far, rounded to four places: its changes shrink like 1 / k through the epoch.
        var (steps, values) = RunningMean(stepsPerEpoch: 500, epochs: 5, every: 5, seed: 1);
        var inference = EpochLengthInference.Infer(steps, values);
        Assert.NotNull(inference.StepsPerEpoch);
        Assert.InRange(inference.StepsPerEpoch!.Value, 495, 505);
        Assert.Contains("log scale", inference.Candidates[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loss_whose_noise_shrinks_over_the_run_without_epochs_gives_no_period()
    {
        // The scale of the changes drifts by an order of magnitude: on a log scale that is a slow trend, not a period.
        int found = 0;
        for (int seed = 0; seed < 30; seed++)
        {
            var random = new Random(seed);
            var steps = Enumerable.Range(0, 3000).Select(i => (long)i).ToArray();
            var values = steps.Select(s => Math.Exp(-s / 800.0) + (0.3 * Math.Exp(-s / 1200.0) * Math.Exp(0.3 * SyntheticLoss.Normal(random)))).ToArray();
            found += EpochLengthInference.Infer(steps, values).StepsPerEpoch is null ? 0 : 1;
        }

        Assert.True(found <= 1, $"{found} of 30 runs without epochs got a period");
    }

    private static (long[] Steps, double[] Values) RunningMean(int stepsPerEpoch, int epochs, int every, int seed)
    {
        var random = new Random(seed);
        var steps = new List<long>();
        var values = new List<double>();
        double sum = 0;
        int count = 0;
        for (long step = 0; step < (long)stepsPerEpoch * epochs; step++)
        {
            if (step % stepsPerEpoch == 0)
            {
                (sum, count) = (0, 0);
            }

            sum += (0.4 + Math.Exp(-step / 300.0)) * Math.Exp(0.5 * SyntheticLoss.Normal(random));
            count++;
            if ((step + 1) % every == 0)
            {
                steps.Add(step + 1);
                values.Add(Math.Round(sum / count, 4));
            }
        }

        return ([.. steps], [.. values]);
    }
}
