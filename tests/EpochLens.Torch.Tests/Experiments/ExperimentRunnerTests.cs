using EpochLens.Telemetry;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Tests.Training;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Experiments;

[Trait("Category", "Torch")] // trains or loads libtorch: the slow tests, left out of the fast run
public sealed class ExperimentRunnerTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void In_process_runs_train_one_at_a_time_and_as_the_trainer_alone_does()
    {
        var options = new[] { TrainingRuns.Small(), TrainingRuns.Small(new CauseSwitches { Order = SampleOrder.Fixed }) };
        var runs = options.Select((o, i) => new PlannedRun($"run{i}", o, _temp.Sub($"run{i}"))).ToList();
        var runner = new ExperimentRunner(new InProcessLauncher(TrainingRuns.Embedded), parallelism: 2);

        var done = runner.Run(runs);

        // TorchSharp's temporary Scalars are not safe under a second training thread, so in-process runs never overlap.
        Assert.Equal(1, runner.Parallelism);
        Assert.All(done, d => Assert.Equal(180, d.Steps));
        for (int i = 0; i < runs.Count; i++)
        {
            var alone = RecordedRuns.Record(options[i], _temp.Sub($"alone{i}"));
            Assert.Equal(Losses(alone), Losses(runs[i].Folder));
        }
    }

    /// <summary>The loss column of steps.csv as text: equal text means equal floats.</summary>
    private static string[] Losses(string folder) =>
        File.ReadLines(Path.Combine(folder, TelemetryFiles.StepsCsv)).Skip(1).Select(l => l.Split(',')[4]).ToArray();

    [Theory]
    [InlineData(2, 2, 1.9, 2)]
    [InlineData(2, 2, 1.2, 1)]
    [InlineData(3, 2, null, 2)]
    [InlineData(1, 16, 16.0, 1)]
    [InlineData(4, 2, 0.0, 1)]
    public void Runs_side_by_side_only_on_free_cores(int runs, int cores, double? load, int expected)
    {
        var (parallelism, why) = ExperimentRunner.ChooseParallelism(runs, cores, load);

        Assert.Equal(expected, parallelism);
        Assert.False(string.IsNullOrWhiteSpace(why));
    }

    public void Dispose() => _temp.Dispose();
}
