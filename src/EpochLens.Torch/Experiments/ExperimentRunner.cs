using EpochLens.Telemetry;
using EpochLens.Torch.Data;
using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// Trains experiment runs, several side by side. At batch size 1 a step is a few dozen small libtorch calls
/// whose cost is per-call overhead, so one thread per run on as many cores as there are runs is faster than
/// giving one run every core (measured in the README's verify section).
/// </summary>
public sealed class ExperimentRunner
{
    private readonly ImageDataSplit _data;

    /// <param name="data">The data every run trains on.</param>
    /// <param name="parallelism">Runs trained at once; at least 1.</param>
    public ExperimentRunner(ImageDataSplit data, int parallelism)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _data = data;
        Parallelism = parallelism;
    }

    public int Parallelism { get; }

    /// <summary>One run per core, each on one libtorch thread, never more runs at once than there are.</summary>
    public static int DefaultParallelism(int runs) => Math.Clamp(Environment.ProcessorCount, 1, Math.Max(1, runs));

    /// <summary>Trains every run (each with one libtorch thread), writing its telemetry and run.json to its folder.</summary>
    public IReadOnlyList<CompletedRun> Run(IReadOnlyList<PlannedRun> runs, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var results = new CompletedRun[runs.Count];
        var trainers = runs.Select(r => new Trainer(r.Options with { Threads = 1 }, _data)).ToArray();
        Parallel.For(
            0,
            runs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
            i =>
            {
                var run = runs[i];
                var clock = System.Diagnostics.Stopwatch.StartNew();
                Directory.CreateDirectory(run.Folder);
                var trainer = trainers[i];
                trainer.Describe().Write(run.Folder);
                using var writer = new TelemetryWriter(run.Folder, TelemetryFormat.Csv);
                var report = progress is null ? null : new ForwardingProgress(p => progress.Report(new RunProgress(i, run.Label, p)));
                var summary = trainer.Run(writer, report, cancellation);
                results[i] = new CompletedRun(run, summary, clock.Elapsed);
            });
        return results;
    }

    /// <summary>Reports on the training thread, so each run's reports stay in order.</summary>
    private sealed class ForwardingProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
