using EpochLens.Analysis;
using EpochLens.Logs;

namespace EpochLens.Core.Tests.Analysis;

public class LearningRateStepsTests
{
    private const int PerEpoch = 100;

    private static readonly EpochStructure TenEpochs = EpochStructure.Regular(PerEpoch, 0, (10 * PerEpoch) - 1, EpochSource.Given, "test");

    [Fact]
    public void The_decays_of_a_step_schedule_are_found_at_their_epochs_and_the_warm_up_is_not()
    {
        var steps = LearningRateSteps.Find(Rate(t => t < 30 ? 0.1 * (t + 1) / 30 : 0.1 * (t >= 700 ? 0.1 : 1) * (t >= 900 ? 0.1 : 1)), TenEpochs);
        Assert.Equal([700L, 900L], steps.Select(s => s.Step));
        Assert.Equal([7, 9], steps.Select(s => s.Epoch));
        Assert.All(steps, s => Assert.Equal(0.1, s.Ratio, 6));
    }

    [Fact]
    public void A_decay_inside_an_epoch_is_found_with_no_epoch()
    {
        var step = Assert.Single(LearningRateSteps.Find(Rate(t => t >= 450 ? 0.01 : 0.1), TenEpochs));
        Assert.Equal(450, step.Step);
        Assert.Equal(-1, step.Epoch);
    }

    [Fact]
    public void A_rate_that_changes_at_most_boundaries_is_the_structure_itself_not_a_trend_break()
    {
        Assert.Empty(LearningRateSteps.Find(Rate(t => 0.1 * Math.Pow(0.5, t / PerEpoch)), TenEpochs));
    }

    [Fact]
    public void A_smooth_schedule_has_no_steps()
    {
        Assert.Empty(LearningRateSteps.Find(Rate(t => 0.05 * (1 + Math.Cos(Math.PI * t / 1000))), TenEpochs));
        Assert.Empty(LearningRateSteps.Find(Rate(_ => 0.1), TenEpochs));
    }

    private static MetricSeries Rate(Func<int, double> rate)
    {
        var steps = Enumerable.Range(0, 10 * PerEpoch).Select(t => (long)t).ToArray();
        return new MetricSeries("lr", steps, steps.Select(t => rate((int)t)).ToArray(), role: SeriesRole.LearningRate);
    }
}
