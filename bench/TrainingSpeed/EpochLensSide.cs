using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Telemetry;
using EpochLens.Torch.Training;

namespace EpochLens.Bench.TrainingSpeed;

/// <summary>EpochLens's own trainer, run exactly as the train command runs it, with telemetry off or on.</summary>
internal sealed class EpochLensSide(ImageDataSplit data, BenchOptions o) : IDisposable
{
    private readonly string _telemetryRoot = Path.Combine(Path.GetTempPath(), "epochlens-bench-telemetry-" + Guid.NewGuid().ToString("N"));
    private int _runs;

    /// <summary>Trains untimed rounds both ways, so JIT, allocator and libtorch's first-call costs stay out of the timed rounds.</summary>
    public void WarmUp()
    {
        if (o.Warmup == 0)
        {
            return;
        }

        var steps = Math.Min(o.Warmup, o.Steps);
        Run(steps, telemetry: null);
        Run(steps, NormSchedule.Sampled);
        Run(steps, NormSchedule.EveryStep);
    }

    /// <summary>
    /// One timed round: steps per second over the training loop only (the trainer's own clock), without
    /// telemetry (null) or with telemetry whose norms follow <paramref name="telemetry"/>.
    /// </summary>
    public RoundResult RunRound(NormSchedule? telemetry) => Run(o.Steps, telemetry);

    public void Dispose()
    {
        if (Directory.Exists(_telemetryRoot))
        {
            Directory.Delete(_telemetryRoot, recursive: true);
        }
    }

    private RoundResult Run(int steps, NormSchedule? telemetry)
    {
        var options = new TrainOptions
        {
            SamplesPerEpoch = steps,
            Epochs = 1,
            EvaluateEachEpoch = false,
            Threads = o.Threads,
            LearningRate = 1e-5,
            Norms = telemetry ?? NormSchedule.Never,
        };
        var trainer = new Trainer(options, data);
        var process = System.Diagnostics.Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        TrainingSummary summary;
        if (telemetry is null)
        {
            summary = trainer.Run(sink: null);
        }
        else
        {
            // Telemetry (CSV and JSON Lines) into a fresh run folder, as the train command writes it.
            using var writer = new TelemetryWriter(Path.Combine(_telemetryRoot, $"run{_runs++}"));
            summary = trainer.Run(writer);
        }

        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuBefore;
        return new RoundResult(summary.StepsPerSecond, cpu.TotalMicroseconds / steps, summary.TelemetryOverheadPercent);
    }
}
