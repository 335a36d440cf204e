using EpochLens.Diagnosis;
using EpochLens.Logs;
using EpochLens.Readers.Csv;
using EpochLens.Readers.Series;
using EpochLens.Readers.TensorBoard;

namespace EpochLens.Core.Tests.Logs;

/// <summary>A held-out loss is told by the same words whichever reader names its role, and is never the loss diagnosed.</summary>
public sealed class HeldOutNameTests
{
    [Theory]
    [InlineData("val", "loss")]
    [InlineData("validation", "loss")]
    [InlineData("eval", "loss")]
    [InlineData("evaluation", "loss")]
    [InlineData("test", "loss")]
    [InlineData("dev", "loss")]
    [InlineData("holdout", "loss")]
    [InlineData("heldout", "loss")]
    public void Every_reader_takes_a_loss_named_for_held_out_data_as_held_out(string word, string loss)
    {
        Assert.Equal(SeriesRole.HeldOutLoss, TagRoles.Of($"{word}/{loss}"));
        Assert.Equal(SeriesRole.HeldOutLoss, CsvColumnNames.RoleOf($"{word}_{loss}"));
        Assert.Equal(SeriesRole.HeldOutLoss, SeriesRoles.FromName($"{word}/{loss}"));
        Assert.Equal(SeriesRole.HeldOutLoss, SeriesRoles.FromName($"{word}_{loss}"));

        var log = new TrainingLog("run", "jsonl", [new MetricSeries($"{word}_{loss}", [1, 2], [1.0, 0.9]), new MetricSeries("accuracy", [1, 2], [0.5, 0.6])]);
        Assert.Throws<DiagnosisException>(() => LossSeriesChooser.Choose(log, null));
    }
}
