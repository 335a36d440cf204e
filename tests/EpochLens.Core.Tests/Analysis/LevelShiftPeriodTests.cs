using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Synthetic;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>
/// The epoch length of a log from a level shift at every boundary, reported as "drops at each boundary": found
/// where every epoch start drops, and not made up from cuts that barely shift.
/// </summary>
public class LevelShiftPeriodTests(ITestOutputHelper output)
{
    private const int StepsPerEpoch = 100;

    /// <summary>A slowly falling log loss with noise that drops by <paramref name="drop"/> at each epoch start.</summary>
    private static MetricSeries Stairs(int epochs, double drop, int seed = 3)
    {
        var random = new Random(seed);
        var steps = new long[epochs * StepsPerEpoch];
        var values = new double[steps.Length];
        double level = 0;
        for (int t = 0; t < steps.Length; t++)
        {
            if (t > 0 && t % StepsPerEpoch == 0)
            {
                level -= drop;
            }

            steps[t] = t;
            values[t] = Math.Exp(level - (1e-4 * t) + (0.05 * SyntheticLoss.Normal(random)));
        }

        return new MetricSeries("loss", steps, values);
    }

    [Fact]
    public void A_log_that_drops_at_every_boundary_gives_its_length()
    {
        var found = LevelShiftPeriod.Search(Stairs(epochs: 8, drop: 0.1), origin: 0);

        Assert.NotNull(found);
        Assert.True(found.Drops);
        Assert.InRange(found.StepsPerEpoch, StepsPerEpoch - 2, StepsPerEpoch + 2);
    }

    /// <summary>
    /// A planted per-epoch pattern of 227 steps whose loss, cut every 18 steps, steps by far less than its noise
    /// estimate allows at every cut, all but one the same way: the lowest cut's tail to the 37th power made 18 steps
    /// a length that "rises at each of the 37 boundaries". Neither the true length nor none was the answer.
    /// </summary>
    [Fact]
    public void Cuts_that_scatter_far_less_than_their_noise_do_not_make_a_length()
    {
        var run = SyntheticRunGenerator.Generate(PlantedScenarios.Spec(CauseId.EpochAlignedUnexplained, 3), 3);
        var loss = run.Log.Find(SeriesRole.TrainLoss)!;

        var found = LevelShiftPeriod.Search(loss, EpochResolver.DefaultOrigin(loss.Steps[0], loss.Steps[1] - loss.Steps[0]));

        output.WriteLine($"found {found?.StepsPerEpoch} steps, {found?.Boundaries} boundaries, p = {found?.PValue}; truth {run.Truth.StepsPerEpoch}");
        Assert.True(found is null || Math.Abs(found.StepsPerEpoch - run.Truth.StepsPerEpoch) <= 0.02 * run.Truth.StepsPerEpoch,
            $"found {found?.StepsPerEpoch} steps for {run.Truth.StepsPerEpoch}");
    }
}
