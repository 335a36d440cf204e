using EpochLens.Torch.Model;
using EpochLens.Torch.Telemetry;
using EpochLens.Torch.Tests.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace EpochLens.Torch.Tests.Telemetry;

public sealed class TelemetryRecorderTests
{
    /// <summary>A plain TorchSharp loop of the kind a user has, with the recorder attached.</summary>
    private static void TrainWith(Action<SeedCnn, TorchSharp.Modules.Adam, int, Tensor> afterStep, int steps = 40)
    {
        var data = TrainingRuns.Embedded.Train;
        torch.manual_seed(3);
        using var model = new SeedCnn();
        using var optimizer = optim.Adam(model.parameters(), 1e-3);
        var pixels = data.Pixels.Take(steps * 784).Select(p => p / 255f).ToArray();
        using var images = tensor(pixels, [steps, 1, 28, 28]);
        using var labels = tensor(data.Labels.Take(steps).Select(l => (long)l).ToArray());
        for (int i = 0; i < steps; i++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            var loss = nn.functional.cross_entropy(model.forward(images.narrow(0, i, 1)), labels.narrow(0, i, 1));
            loss.backward();
            optimizer.step();
            afterStep(model, optimizer, i, loss);
        }
    }

    [Fact]
    public void Values_read_back_in_batches_match_values_read_every_step()
    {
        var immediate = new MemorySink();
        var deferred = new MemorySink();
        TelemetryRecorder? now = null;
        TelemetryRecorder? later = null;

        TrainWith((model, optimizer, i, loss) =>
        {
            now ??= new TelemetryRecorder(immediate, model, deferReadback: false);
            later ??= new TelemetryRecorder(deferred, model, deferReadback: true);
            now.RecordStep(0, i, [i], loss, optimizer);
            later.RecordStep(0, i, [i], loss, optimizer);
        });
        later!.Flush();

        Assert.Equal(40, deferred.Steps.Count);
        foreach (var (a, b) in immediate.Steps.Zip(deferred.Steps))
        {
            Assert.Equal(a.Loss, b.Loss, 6);
            Assert.Equal(a.GradNorm, b.GradNorm, 4);
            Assert.Equal(a.OptimizerStep, b.OptimizerStep);
            Assert.Equal(a.SampleIds, b.SampleIds);
        }

        // Both recorders were created after the first step, so their first update norm spans nothing.
        Assert.Equal(0, immediate.Steps[0].UpdateNorm);
        Assert.All(immediate.Steps.Zip(deferred.Steps).Skip(1), p => Assert.Equal(p.First.UpdateNorm, p.Second.UpdateNorm, 5));
        now!.Dispose();
        later.Dispose();
    }

    [Fact]
    public void Records_the_optimizer_step_learning_rate_and_epoch_summary()
    {
        var sink = new MemorySink();
        TelemetryRecorder? recorder = null;

        TrainWith((model, optimizer, i, loss) =>
        {
            recorder ??= new TelemetryRecorder(sink, model);
            recorder.RecordStep(i / 20, i % 20, [i], loss, optimizer);
            if (i % 20 == 19)
            {
                recorder.RecordEpoch(i / 20, heldOutLoss: 0.5, heldOutAccuracy: 0.75);
            }
        });
        recorder!.Dispose();

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), sink.Steps.Select(s => s.OptimizerStep));
        Assert.All(sink.Steps, s => Assert.Equal(1e-3, s.LearningRate, 12));
        Assert.Equal(2, sink.Epochs.Count);
        Assert.Equal(sink.Steps.Take(20).Average(s => s.Loss), sink.Epochs[0].TrainLoss, 9);
        Assert.Equal(19L, sink.Epochs[0].LastStep);
        Assert.Equal(0.75, sink.Epochs[1].HeldOutAccuracy);
    }
}
