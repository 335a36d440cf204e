using EpochLens.Readers;

namespace EpochLens.Core.Tests.Readers;

/// <summary>The shipped readers together: every fixture must be detected as its own format, whatever else is registered.</summary>
public sealed class DefaultLogReadersTests
{
    private static string Fixture(string relative) => Path.Combine(AppContext.BaseDirectory, "Fixtures", relative);

    [Theory]
    [InlineData("tb-summarywriter", "tensorboard")]
    [InlineData("tb-resumed", "tensorboard")]
    [InlineData("telemetry-run", "epochlens")]
    [InlineData("hf-trainer", "huggingface")]
    [InlineData("hf-llamafactory/trainer_log.jsonl", "huggingface")]
    [InlineData("mlflow-run", "mlflow")]
    [InlineData("console-keras/tf2_steps.log", "keras")]
    [InlineData("console-keras/keras3_terminal.log", "keras")]
    [InlineData("console-mmengine/mmengine_epoch.log", "mmengine")]
    [InlineData("console-mmengine/mmdet2_epoch.log", "mmengine")]
    [InlineData("jsonl-wandb/history.jsonl", "jsonl")]
    [InlineData("lightning-csvlogger/metrics.csv", "csv")]
    [InlineData("csv-wandb/wandb_export.csv", "csv")]
    public void Each_fixture_is_read_as_its_own_format(string fixture, string format)
    {
        var problems = new ProblemLog();

        var logs = DefaultLogReaders.Create().Read(Fixture(fixture), ReadOptions.Default, problems);

        Assert.NotEmpty(logs);
        Assert.All(logs, log => Assert.Equal(format, log.Format));
        Assert.All(logs, log => Assert.NotEmpty(log.Series));
    }

    [Fact]
    public void Format_ids_are_unique_and_every_reader_describes_itself()
    {
        var formats = DefaultLogReaders.All.Select(r => r.Format).ToList();

        Assert.Equal(formats.Count, formats.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(DefaultLogReaders.All, r => Assert.False(string.IsNullOrWhiteSpace(r.Description)));
    }
}
