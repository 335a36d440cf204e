using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Training;

/// <summary>The switches that turn a cause off, which verify's experiments use.</summary>
public sealed class ControlSwitchTests
{
    [Trait("Category", "Torch")]
    [Fact]
    public void Fresh_samples_never_revisit_a_sample()
    {
        var sink = TrainingRuns.Record(TrainingRuns.Small(new CauseSwitches { FreshSamplesEachEpoch = true }));

        var ids = sink.Steps.Select(s => s.SampleIds[0]).ToArray();
        Assert.Equal(180, ids.Length);
        Assert.Equal(180, ids.Distinct().Count());
        Assert.All(sink.InEpoch(2), s => Assert.InRange(s.SampleIds[0], 120, 179));
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void Fresh_samples_are_refused_when_the_data_cannot_hold_every_epoch()
    {
        var options = TrainingRuns.Small(new CauseSwitches { FreshSamplesEachEpoch = true }) with { SamplesPerEpoch = 2000 };

        var problem = Assert.Single(options.Problems(5039));
        Assert.Contains("need 6000 training samples", problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(AccumulationLeftover.WrongScale, 4.0)]
    [InlineData(AccumulationLeftover.OwnScale, 2.0)]
    public void The_short_last_group_is_divided_by_its_own_size_only_with_own_scale(AccumulationLeftover leftover, double lastGroupDivisor)
    {
        // 10 batches in groups of 4: the last group holds batches 8 and 9.
        var accumulation = new GradientAccumulation(4, leftover);

        Assert.Equal(4.0, accumulation.DivisorAt(0, 10));
        Assert.Equal(4.0, accumulation.DivisorAt(7, 10));
        Assert.Equal(lastGroupDivisor, accumulation.DivisorAt(8, 10));
        Assert.Equal(lastGroupDivisor, accumulation.DivisorAt(9, 10));
        Assert.True(accumulation.ShouldStep(9, 10));
    }
}
