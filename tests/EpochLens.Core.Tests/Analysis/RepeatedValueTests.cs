using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>
/// A loss that reached 0.0000 at its printed precision (a public Hugging Face TensorBoard log: 204 of 300 points
/// exactly zero) had been given 100 steps an epoch from "a rise at each of 29 boundaries" that were equal values
/// compared with equal values, and then a running mean with medium confidence.
/// </summary>
public class RepeatedValueTests
{
    private static MetricSeries Saturated(double zeroShare, int seed = 1)
    {
        var random = new Random(seed);
        int n = 300;
        var steps = new long[n];
        var values = new double[n];
        for (int i = 0; i < n; i++)
        {
            steps[i] = (i + 1) * 10L;
            // A fast fall to nothing, then a few stray small values, all printed to four decimals.
            double loss = i < 20 ? 0.85 * Math.Exp(-i / 4.0) : random.NextDouble() < zeroShare ? 0 : 0.0001 * random.Next(1, 5);
            values[i] = Math.Round(loss, 4);
        }

        return new MetricSeries("loss", steps, values);
    }

    [Fact]
    public void A_loss_stuck_at_zero_gives_no_epoch_length_and_says_why()
    {
        var resolution = EpochResolver.Infer(Saturated(0.75));

        Assert.Null(resolution.Structure);
        Assert.Contains("exactly 0 at", resolution.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void At_a_given_length_a_loss_stuck_at_zero_is_cannot_tell_not_a_list_of_zero_spikes()
    {
        var log = new TrainingLog("stuck.csv", "csv", [Saturated(0.75)]);

        var diagnosis = new Diagnoser().Diagnose(log, new DiagnosisOptions { StepsPerEpoch = 300 });

        Assert.Equal(DiagnosisOutcome.CannotTell, diagnosis.Outcome);
        Assert.Contains("exactly 0 at", diagnosis.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void A_loss_with_many_values_is_left_to_the_searches()
    {
        var random = new Random(3);
        var values = Enumerable.Range(0, 5000).Select(i => Math.Round(1 + Math.Exp(-i / 800.0) + (0.05 * SyntheticLoss.Normal(random)), 4)).ToArray();

        Assert.Null(RepeatedValue.WhyNothingShows(values));
        Assert.NotNull(RepeatedValue.WhyNothingShows(Saturated(0.75).Values));
        Assert.Null(RepeatedValue.WhyNothingShows([]));
    }
}
