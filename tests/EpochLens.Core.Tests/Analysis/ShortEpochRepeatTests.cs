using EpochLens.Analysis;
using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers;
using Xunit.Abstractions;

namespace EpochLens.Core.Tests.Analysis;

/// <summary>
/// A fixed sample order seen in logs with 8 to 15 points an epoch (a printed line every few hundred samples), where the
/// rotation test of longer epochs has too few positions to move the epoch start to.
/// </summary>
public class ShortEpochRepeatTests(ITestOutputHelper output)
{
    /// <summary>Per-step losses of <paramref name="epochs"/> epochs, logged as <paramref name="points"/> lines an epoch.</summary>
    private static TrainingLog Run(int epochs, int points, int seed, bool fixedOrder, double headRise = 0, double sawtooth = 0)
    {
        var random = new Random(seed);
        var order = Enumerable.Range(0, points).Select(_ => SyntheticLoss.Normal(random)).ToArray();
        var steps = new List<long>();
        var values = new List<double>();
        for (int e = 0; e < epochs; e++)
        {
            for (int p = 0; p < points; p++)
            {
                int t = (e * points) + p;
                double level = Math.Log(0.3 + Math.Exp(-t / (2.0 * points))) + (sawtooth * p / points) + (p < 3 ? headRise / (p + 1) : 0);
                double batch = fixedOrder ? 0.5 * order[p] : 0.5 * SyntheticLoss.Normal(random);
                steps.Add(t);
                values.Add(Math.Exp(level + batch + (0.3 * SyntheticLoss.Normal(random))));
            }
        }

        return new TrainingLog("short.csv", "csv", [new MetricSeries("loss", [.. steps], [.. values], role: SeriesRole.TrainLoss)]);
    }

    private static Measurement? Repeat(TrainingLog log, int points)
    {
        var loss = log.Find(SeriesRole.TrainLoss)!;
        var analysis = EpochAnalysis.Run(log, loss, EpochStructure.Regular(points, 0, loss.Steps[^1], EpochSource.Given, "test"));
        return analysis.Measurements.SingleOrDefault(m => m.Title.Contains("short epochs", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(10, 12)] // measured: 14 of 20 (18 at p <= 0.01)
    [InlineData(15, 18)] // measured: 20 of 20
    public void The_same_batches_at_the_same_positions_every_epoch_correlate_from_epoch_to_epoch(int points, int atLeast)
    {
        int found = 0;
        for (int seed = 0; seed < 20; seed++)
        {
            var m = Repeat(Run(20, points, seed, fixedOrder: true), points)!;
            found += m.PValue <= 1e-3 ? 1 : 0;
        }

        Assert.True(found >= atLeast, $"found in {found} of 20");
    }

    [Fact]
    public void Reshuffled_epochs_with_a_fresh_optimizer_at_the_start_and_a_sawtooth_through_the_epoch_do_not_repeat_by_position()
    {
        // A smooth shape shared by every epoch (a transient over the first points, a rise through the epoch) is not an order.
        int below = 0;
        for (int seed = 0; seed < 200; seed++)
        {
            var m = Repeat(Run(20, 10 + (seed % 6), seed, fixedOrder: false, headRise: seed % 3 == 0 ? 2 : 0, sawtooth: seed % 3 == 1 ? 1 : 0), 10 + (seed % 6))!;
            below += m.PValue <= 0.01 ? 1 : 0;
        }

        output.WriteLine($"p <= 0.01 on {below} of 200 reshuffled runs");
        Assert.True(below <= 4, $"p <= 0.01 on {below} of 200 reshuffled runs");
    }

    [Fact]
    public void Epochs_long_enough_for_the_rotation_test_are_left_to_it()
    {
        Assert.Null(Repeat(Run(20, 16, 1, fixedOrder: true), 16));
        Assert.Null(Repeat(Run(20, 9, 1, fixedOrder: true), 9));
    }

    [Fact]
    public void A_real_printed_log_with_15_lines_an_epoch_and_no_reshuffling_is_named_fixed_order()
    {
        // Fixtures/text-logs/pytorch_common_voice-README.md (SOURCES.md there): 20 epochs of the PyTorch MNIST example's
        // printed lines, the loss by position the same every epoch; it had been a fresh optimizer with low confidence.
        var path = Path.Combine(AppContext.BaseDirectory, "Fixtures", "text-logs", "pytorch_common_voice-README.md");
        var log = DefaultLogReaders.Create().Read(path, new ReadOptions(), new ProblemLog()).Single();
        var diagnosis = new Diagnoser().Diagnose(log);
        Assert.Equal(DiagnosisOutcome.Findings, diagnosis.Outcome);
        Assert.Equal(CauseId.FixedOrder, diagnosis.Primary!.Cause);
        Assert.True(diagnosis.Primary.Confidence.Level >= ConfidenceLevel.Medium);
    }
}
