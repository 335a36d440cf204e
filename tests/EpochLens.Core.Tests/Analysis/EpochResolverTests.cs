using EpochLens.Analysis;
using EpochLens.Logs;
using EpochLens.Settings;

namespace EpochLens.Core.Tests.Analysis;

public class EpochResolverTests
{
    private static readonly MetricSeries Loss = new("loss", [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 1, 1, 1, 1, 1, 1, 1, 1, 1], role: SeriesRole.TrainLoss);

    [Fact]
    public void A_given_length_wins_over_the_log()
    {
        var log = new TrainingLog("x", "csv", [Loss], new EpochHint(5, null, "run.json"));
        var resolution = EpochResolver.Resolve(log, Loss, 3, null);
        Assert.Equal(EpochSource.Given, resolution.Structure!.Source);
        Assert.Equal([0L, 3, 6, 9], resolution.Structure.StartSteps.ToArray());
    }

    [Fact]
    public void Logs_counting_from_one_start_their_first_epoch_at_step_one()
    {
        var oneBased = new MetricSeries("loss", [1, 2, 3, 4, 5, 6], [1, 1, 1, 1, 1, 1]);
        var log = new TrainingLog("x", "keras", [oneBased]);
        var structure = EpochResolver.Resolve(log, oneBased, 2, null).Structure!;
        Assert.Equal([1L, 3, 5], structure.StartSteps.ToArray());
    }

    [Fact]
    public void A_first_epoch_start_the_format_fixes_places_an_interval_logs_boundary_points_in_the_epoch_they_end()
    {
        // The Trainer logging every 10 of 100 steps: the mean logged at step 100 ends the first epoch.
        var every10 = new MetricSeries("loss", [10, 20, 100, 110, 200, 210], [1, 1, 1, 1, 1, 1]);
        var log = new TrainingLog("x", "huggingface", [every10], new EpochHint(100, null, "trainer_state.json", FirstEpochStart: 1));
        var structure = EpochResolver.Resolve(log, every10, null, null).Structure!;
        Assert.Equal([1L, 101, 201], structure.StartSteps.ToArray());
        Assert.Equal(0, structure.EpochOf(100));

        // Without the format's word, a log whose first point sits at its own interval (step 10 of every 10) counts
        // completed steps all the same.
        var unknown = new TrainingLog("x", "jsonl", [every10], new EpochHint(100, null, "'epoch' key"));
        Assert.Equal([1L, 101, 201], EpochResolver.Resolve(unknown, every10, null, null).Structure!.StartSteps.ToArray());
        var fromZero = new MetricSeries("loss", [0, 10, 100, 110, 200, 210], [1, 1, 1, 1, 1, 1]);
        var zeroBased = new TrainingLog("x", "jsonl", [fromZero], new EpochHint(100, null, "'epoch' key"));
        Assert.Equal([0L, 100, 200], EpochResolver.Resolve(zeroBased, fromZero, null, null).Structure!.StartSteps.ToArray());
    }

    [Fact]
    public void A_length_that_would_make_far_more_epochs_than_points_is_refused_not_allocated()
    {
        // A damaged trainer_state.json: step 10^12 at epoch 10^12 says one step per epoch.
        var far = new MetricSeries("loss", [1, 1_000_000_000_000], [1, 1]);
        var log = new TrainingLog("x", "huggingface", [far], new EpochHint(1, null, "trainer_state.json"));
        var stated = EpochResolver.Resolve(log, far, null, null);
        Assert.Null(stated.Structure);
        Assert.Contains("the length or the steps are wrong", stated.Explanation, StringComparison.Ordinal);
        Assert.Null(EpochResolver.Resolve(log, far, 1, null).Structure);
    }

    [Fact]
    public void Epoch_marks_in_the_log_are_used_as_they_are()
    {
        var log = new TrainingLog("x", "mmengine", [Loss], new EpochHint(null, [0, 4, 7], "marks"));
        var structure = EpochResolver.Resolve(log, Loss, null, null).Structure!;
        Assert.Equal([0L, 4, 7], structure.StartSteps.ToArray());
        Assert.Equal(EpochSource.Log, structure.Source);
    }

    [Fact]
    public void An_epoch_column_gives_the_starts_where_its_whole_part_goes_up()
    {
        var epoch = new MetricSeries("epoch", [0, 1, 2, 3, 4, 5, 6], [0, 0, 0, 1, 1, 1, 2], role: SeriesRole.Epoch);
        var log = new TrainingLog("x", "csv", [Loss, epoch]);
        var structure = EpochResolver.Resolve(log, Loss, null, null).Structure!;
        Assert.Equal([0L, 3, 6], structure.StartSteps.ToArray());
    }

    [Fact]
    public void A_fractional_epoch_column_closes_an_epoch_at_each_whole_value()
    {
        // The Hugging Face Trainer's epoch is the share of training done when the point was logged: the point at
        // exactly 1.0 is the last of the first epoch, and the next one opens the second.
        var epoch = new MetricSeries("epoch", [0, 1, 2, 3, 4, 5, 6], [0.1, 0.4, 0.7, 1.0, 1.3, 1.6, 2.0], role: SeriesRole.Epoch);
        var log = new TrainingLog("x", "jsonl", [Loss, epoch]);
        var structure = EpochResolver.Resolve(log, Loss, null, null).Structure!;
        Assert.Equal([0L, 4], structure.StartSteps.ToArray());
    }

    [Fact]
    public void Without_any_hint_or_inference_it_says_what_to_give()
    {
        var log = new TrainingLog("x", "csv", [Loss]);
        var resolution = EpochResolver.Resolve(log, Loss, null, null);
        Assert.Null(resolution.Structure);
        Assert.EndsWith("give the steps-per-epoch setting", resolution.Explanation, StringComparison.Ordinal);
        Assert.Equal(Setting.StepsPerEpoch, resolution.Hint?.Setting);
    }
}
