using EpochLens.Telemetry;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Tests.Training;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Tests.Experiments;

public sealed class HarnessRunTests : IDisposable
{
    private readonly TempFolder _temp = new();

    [Fact]
    public void Rebuilds_the_options_of_a_run_from_its_run_json()
    {
        var options = new TrainOptions
        {
            LearningRate = 1e-3,
            BatchSize = 7,
            Epochs = 4,
            SamplesPerEpoch = 250,
            Seed = 5,
            Beta2 = 0.99,
            Causes = new CauseSwitches
            {
                RunningMeanLogging = true,
                LossReduction = LossReduction.Sum,
                Order = SampleOrder.ReseededEachEpoch,
                RebuildOptimizerEachEpoch = true,
                LrWarmRestarts = true,
                ReloadWeightsAtBoundary = true,
                GradAccumulation = 3,
                AccumulationLeftover = AccumulationLeftover.Leak,
            },
        };
        var folder = _temp.Sub("run");
        Directory.CreateDirectory(folder);
        new Trainer(options, TrainingRuns.Embedded).Describe().Write(folder);
        File.WriteAllText(Path.Combine(folder, TelemetryFiles.StepsCsv), "");

        var run = HarnessRun.Open(folder);

        Assert.Equal(options, run.Options);
        Assert.True(run.UsesEmbeddedData);
    }

    [Fact]
    public void A_folder_without_run_json_is_not_a_harness_run()
    {
        var folder = _temp.Sub("plain");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "metrics.csv"), "step,loss\n0,1\n");

        var e = Assert.Throws<NotAHarnessRunException>(() => HarnessRun.Open(folder));
        Assert.Contains("has no run.json", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_cause_switch_is_refused_rather_than_dropped()
    {
        var folder = _temp.Sub("future");
        Directory.CreateDirectory(folder);
        var description = new Trainer(TrainingRuns.Small(), TrainingRuns.Embedded).Describe() with { CauseSwitches = new Dictionary<string, string> { ["warp-drive"] = "on" } };
        description.Write(folder);
        File.WriteAllText(Path.Combine(folder, TelemetryFiles.StepsCsv), "");

        var e = Assert.Throws<NotAHarnessRunException>(() => HarnessRun.Open(folder));
        Assert.Contains("warp-drive", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_run_recorded_by_the_Python_recorder_is_declined_as_one_verify_cannot_train_again()
    {
        // python/epochlens_telemetry.py writes the same files from the user's own loop, which verify cannot re-run.
        var folder = _temp.Sub("python");
        Directory.CreateDirectory(folder);
        (new Trainer(TrainingRuns.Small(), TrainingRuns.Embedded).Describe() with { Tool = "epochlens-python" }).Write(folder);
        File.WriteAllText(Path.Combine(folder, TelemetryFiles.StepsCsv), "");

        var e = Assert.Throws<NotAHarnessRunException>(() => HarnessRun.Open(folder));
        Assert.Contains("Python recorder", e.Message, StringComparison.Ordinal);
        Assert.Contains("epochlens analyze", e.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _temp.Dispose();
}
