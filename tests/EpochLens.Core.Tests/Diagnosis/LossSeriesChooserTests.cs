using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Settings;

namespace EpochLens.Core.Tests.Diagnosis;

/// <summary>Which series a diagnosis takes when the user names none: the whole training loss, not a component of it.</summary>
public sealed class LossSeriesChooserTests
{
    private static MetricSeries Series(string name, SeriesRole role) => new(name, [1, 2, 3], [1.0, 0.9, 0.8], role: role);

    [Fact]
    public void A_detectors_total_loss_is_taken_over_its_component_losses_listed_first()
    {
        // detectron2's metrics.json keys, in the order the JSON Lines reader meets them.
        var log = new TrainingLog("metrics.json", "jsonl",
        [
            Series("loss_box_reg", SeriesRole.Other),
            Series("loss_cls", SeriesRole.Other),
            Series("lr", SeriesRole.LearningRate),
            Series("total_loss", SeriesRole.Other),
        ]);

        Assert.Equal("total_loss", LossSeriesChooser.Choose(log, null).Name);
    }

    [Fact]
    public void A_whole_training_loss_is_taken_over_component_tags_that_also_read_as_training_losses()
    {
        var log = new TrainingLog("run", "tensorboard",
        [
            Series("train/loss_cls", SeriesRole.TrainLoss),
            Series("train/loss_bbox", SeriesRole.TrainLoss),
            Series("train/loss", SeriesRole.TrainLoss),
            Series("val/loss", SeriesRole.HeldOutLoss),
        ]);

        Assert.Equal("train/loss", LossSeriesChooser.Choose(log, null).Name);
    }

    [Fact]
    public void A_held_out_loss_is_never_taken_and_a_component_is_taken_when_nothing_else_is_a_training_loss()
    {
        var log = new TrainingLog("results.csv", "csv",
        [
            Series("val/box_loss", SeriesRole.Other),
            Series("train/box_loss", SeriesRole.Other),
            Series("train/cls_loss", SeriesRole.Other),
        ]);

        Assert.Equal("train/box_loss", LossSeriesChooser.Choose(log, null).Name);
    }

    [Fact]
    public void A_log_with_only_held_out_losses_is_refused_with_the_names_it_has()
    {
        var log = new TrainingLog("eval.csv", "csv", [Series("eval_loss", SeriesRole.Other), Series("accuracy", SeriesRole.Other)]);

        var error = Assert.Throws<DiagnosisException>(() => LossSeriesChooser.Choose(log, null));
        Assert.Contains("'eval_loss'", error.Message, StringComparison.Ordinal);
        Assert.Contains("name one with the metric setting", error.Message, StringComparison.Ordinal);
        Assert.Equal(Setting.Metric, error.Hint?.Setting);
    }
}
