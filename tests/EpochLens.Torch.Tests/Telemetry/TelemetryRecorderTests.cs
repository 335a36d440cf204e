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

    [Trait("Category", "Torch")]
    [Fact]
    public void Values_read_back_in_batches_match_values_read_every_step()
    {
        var immediate = new MemorySink();
        var deferred = new MemorySink();
        TelemetryRecorder? now = null;
        TelemetryRecorder? later = null;

        TrainWith((model, optimizer, i, loss) =>
        {
            now ??= new TelemetryRecorder(immediate, model, new TelemetryOptions { DeferReadback = false, Norms = NormSchedule.EveryStep });
            later ??= new TelemetryRecorder(deferred, model, new TelemetryOptions { DeferReadback = true, Norms = NormSchedule.EveryStep });
            now.RecordStep(0, i, [i], loss, optimizer);
            later.RecordStep(0, i, [i], loss, optimizer);
        });
        later!.Flush();

        Assert.Equal(40, deferred.Steps.Count);
        foreach (var (a, b) in immediate.Steps.Zip(deferred.Steps))
        {
            Assert.Equal(a.Loss, b.Loss, 6);
            Assert.Equal(a.GradNorm!.Value, b.GradNorm!.Value, 4);
            Assert.Equal(a.OptimizerStep, b.OptimizerStep);
            Assert.Equal(a.SampleIds, b.SampleIds);
        }

        // Both recorders were created after the first step, so their first update norm spans nothing.
        Assert.Equal(0, immediate.Steps[0].UpdateNorm);
        Assert.All(immediate.Steps.Zip(deferred.Steps).Skip(1), p => Assert.Equal(p.First.UpdateNorm!.Value, p.Second.UpdateNorm!.Value, 5));
        now!.Dispose();
        later.Dispose();
    }

    [Trait("Category", "Torch")]
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

    [Trait("Category", "Torch")]
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Sampled_norms_equal_the_exact_ones_at_every_measured_step(bool epochLengthGiven)
    {
        // 3 epochs of 40 steps: windows of 5 steps at each end of an epoch and every 8th step elsewhere.
        var schedule = new NormSchedule(8, 5);
        var exact = new MemorySink();
        var sampled = new MemorySink();
        TelemetryRecorder? everyStep = null;
        TelemetryRecorder? someSteps = null;

        TrainWith((model, optimizer, i, loss) =>
        {
            everyStep ??= new TelemetryRecorder(exact, model, new TelemetryOptions { Norms = NormSchedule.EveryStep });
            someSteps ??= new TelemetryRecorder(sampled, model, new TelemetryOptions { Norms = schedule, StepsPerEpoch = epochLengthGiven ? 40 : null });
            everyStep.RecordStep(i / 40, i % 40, [i], loss, optimizer);
            someSteps.RecordStep(i / 40, i % 40, [i], loss, optimizer);
        }, steps: 120);
        everyStep!.Dispose();
        someSteps!.Dispose();

        var measured = sampled.Steps.Where(s => s.GradNorm is not null).Select(s => s.Position).ToList();
        foreach (var (full, some) in exact.Steps.Zip(sampled.Steps))
        {
            bool expected = some.Step % 8 == 0 || some.Position < 5 || ((epochLengthGiven || some.Epoch > 0) && some.Position >= 35);
            Assert.True(expected == some.GradNorm.HasValue, $"step {some.Step} (position {some.Position}) measured: {some.GradNorm.HasValue}");
            Assert.Equal(some.GradNorm.HasValue, some.UpdateNorm.HasValue);
            if (some.GradNorm.HasValue)
            {
                Assert.Equal(full.GradNorm!.Value, some.GradNorm.Value, 5);
                // The update norm spans exactly one step, also at the first step of an epoch.
                Assert.Equal(full.UpdateNorm!.Value, some.UpdateNorm!.Value, 5);
            }

            Assert.Equal(full.Loss, some.Loss);
        }

        Assert.True(measured.Count < 120 / 2, $"{measured.Count} of 120 steps measured");
    }

    [Trait("Category", "Torch")]
    [Fact]
    public void No_norms_are_measured_when_switched_off()
    {
        var sink = new MemorySink();
        TelemetryRecorder? recorder = null;

        TrainWith((model, optimizer, i, loss) =>
        {
            recorder ??= new TelemetryRecorder(sink, model, new TelemetryOptions { Norms = NormSchedule.Never });
            recorder.RecordStep(0, i, [i], loss, optimizer);
        });
        recorder!.Dispose();

        Assert.All(sink.Steps, s => Assert.Null(s.GradNorm));
        Assert.All(sink.Steps, s => Assert.Null(s.UpdateNorm));
        Assert.All(sink.Steps, s => Assert.True(double.IsFinite(s.Loss)));
    }

    [Theory]
    [InlineData(0, 0, true)]
    [InlineData(31, 31, true)]
    [InlineData(32, 32, false)]
    [InlineData(64, 64, true)]
    [InlineData(96, 96, false)]
    [InlineData(5039 + 5007, 5007, true)]
    [InlineData(5039 + 5006, 5006, false)]
    public void The_default_schedule_measures_near_boundaries_and_every_64th_step(long step, int position, bool measured) =>
        Assert.Equal(measured, NormSchedule.Sampled.Measures(step, position, 5039));
}
