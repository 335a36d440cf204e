using EpochLens.Analysis;

namespace EpochLens.Core.Tests.Analysis;

public class RiseAndDropTests
{
    private static Measurement Shape(string id, double value, double p) => new(id, id, value, "", 0, p, null, null, 5, "");

    [Fact]
    public void Two_tests_at_p_001_the_memorisation_way_combine_to_p_0003()
    {
        // z = 2.576 each; (2.576 + 2.576) / sqrt(2 + 2 * 0.8) = 2.715; one-sided p = 0.00331.
        var together = RiseAndDrop.Measure(Shape(MeasurementIds.WithinEpochSlope, 0.4, 0.01), Shape(MeasurementIds.EpochStartStep, -0.1, 0.01))!;
        Assert.Equal(2.715, together.Value, 3);
        Assert.Equal(0.00331, together.PValue!.Value, 5);
    }

    [Fact]
    public void A_rise_with_a_rise_at_the_epoch_start_cancels_out()
    {
        // A rise through the epoch and a rise (not a drop) at its start: the two point opposite ways.
        var together = RiseAndDrop.Measure(Shape(MeasurementIds.WithinEpochSlope, 0.4, 0.01), Shape(MeasurementIds.EpochStartStep, 0.1, 0.01))!;
        Assert.Equal(0, together.Value, 10);
        Assert.Equal(0.5, together.PValue!.Value, 10);
    }

    [Fact]
    public void A_fall_through_the_epoch_and_a_rise_at_its_start_is_the_other_way()
    {
        var together = RiseAndDrop.Measure(Shape(MeasurementIds.WithinEpochSlope, -0.4, 0.001), Shape(MeasurementIds.EpochStartStep, 0.1, 0.001))!;
        Assert.True(together.Value < -3);
        Assert.True(together.PValue > 0.99);
    }

    [Fact]
    public void Needs_both_tests()
    {
        Assert.Null(RiseAndDrop.Measure(Shape(MeasurementIds.WithinEpochSlope, 0.4, 0.01), null));
        Assert.Null(RiseAndDrop.Measure(null, Shape(MeasurementIds.EpochStartStep, -0.1, 0.01)));
    }
}
