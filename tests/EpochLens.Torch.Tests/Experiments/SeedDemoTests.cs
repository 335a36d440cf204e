using EpochLens.Diagnosis;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Tests.Training;

namespace EpochLens.Torch.Tests.Experiments;

[Trait("Category", "Torch")] // trains or loads libtorch: the slow tests, left out of the fast run
public sealed class SeedDemoTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Finds_the_running_mean_in_the_plotted_curve_and_nothing_in_the_raw_loss()
    {
        // The demo's set-up cut to 600 samples per epoch so the test stays short.
        var options = SeedDemo.Setup(3) with { SamplesPerEpoch = 600 };

        var outcome = new SeedDemo(TrainingRuns.Embedded, new Diagnoser()).Run(options, _temp.Sub("demo"));

        Assert.Equal(CauseId.RunningMeanLogging, outcome.Plotted.Primary?.Cause);
        Assert.Equal("logged_loss", outcome.Plotted.Metric);
        Assert.Equal("loss", outcome.Raw.Metric);
        Assert.True(outcome.Raw.Outcome == DiagnosisOutcome.NoStructure, outcome.Raw.Verdict);
        Assert.StartsWith("The spikes you saw are the running mean being reset", outcome.Answer, StringComparison.Ordinal);
        Assert.Contains("Only the plot is wrong", outcome.HowBad, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
