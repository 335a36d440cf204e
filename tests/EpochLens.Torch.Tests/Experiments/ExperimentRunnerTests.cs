using EpochLens.Telemetry;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Tests.Training;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Experiments;

public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Runs_side_by_side_train_exactly_as_they_do_one_after_the_other()
    {
        var options = new[]
        {
            TrainingRuns.Small(),
            TrainingRuns.Small(new CauseSwitches { Order = SampleOrder.Fixed }),
        };
        IReadOnlyList<string[]> Losses(int parallelism)
        {
            var runs = options.Select((o, i) => new PlannedRun($"run{i}", o, _temp.Sub($"p{parallelism}-{i}"))).ToList();
            var done = new ExperimentRunner(TrainingRuns.Embedded, parallelism).Run(runs);
            Assert.All(done, d => Assert.Equal(180, d.Summary.Steps));
            // The loss column of steps.csv, as text: equal text means equal floats.
            return runs.Select(r => File.ReadLines(Path.Combine(r.Folder, TelemetryFiles.StepsCsv)).Skip(1).Select(l => l.Split(',')[4]).ToArray()).ToList();
        }

        var sequential = Losses(1);
        var parallel = Losses(2);

        Assert.Equal(sequential[0], parallel[0]);
        Assert.Equal(sequential[1], parallel[1]);
        Assert.NotEqual(sequential[0], sequential[1]);
    }

    public void Dispose() => _temp.Dispose();
}
