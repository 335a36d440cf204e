using EpochLens.Torch.Training;

namespace EpochLens.Torch.Experiments;

/// <summary>
/// Trains experiment runs, several side by side when the launcher allows it (one process per run). At batch
/// size 1 a step is a few dozen small libtorch calls whose cost is per-call overhead, so each run gets one thread
/// and runs go side by side on free cores; on a core that other work keeps busy a second run only shares it
/// (measured in the README's verify section).
/// </summary>
public sealed class ExperimentRunner
{
    private readonly IRunLauncher _launcher;

    /// <param name="launcher">What trains each run.</param>
    /// <param name="parallelism">Runs trained at once (1 whatever is asked when the launcher cannot run them side by side).</param>
    public ExperimentRunner(IRunLauncher launcher, int parallelism)
    {
        ArgumentNullException.ThrowIfNull(launcher);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);
        _launcher = launcher;
        Parallelism = launcher.CanRunSideBySide ? parallelism : 1;
    }

    public int Parallelism { get; }

    /// <summary>Trains every run, writing its telemetry and run.json to its folder.</summary>
    public IReadOnlyList<CompletedRun> Run(IReadOnlyList<PlannedRun> runs, IProgress<RunProgress>? progress = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var results = new CompletedRun[runs.Count];
        Parallel.For(
            0,
            runs.Count,
            new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = cancellation },
            i =>
            {
                var run = runs[i];
                var clock = System.Diagnostics.Stopwatch.StartNew();
                var report = progress is null ? null : new ForwardingProgress(p => progress.Report(new RunProgress(i, run.Label, p)));
                long steps = _launcher.Train(run, report, cancellation);
                results[i] = new CompletedRun(run, steps, clock.Elapsed);
            });
        return results;
    }

    /// <summary>
    /// One run per free core, never more than there are runs: runs at once for <paramref name="runs"/> runs on
    /// <paramref name="cores"/> cores of which <paramref name="idleCores"/> are idle now (null where the system
    /// does not say), with the reason in words.
    /// </summary>
    public static (int Parallelism, string Why) ChooseParallelism(int runs, int cores, double? idleCores)
    {
        double idle = idleCores is { } i && double.IsFinite(i) ? Math.Clamp(i, 0, cores) : cores;
        int free = Math.Max(1, (int)Math.Round(idle));
        int parallelism = Math.Clamp(free, 1, Math.Max(1, runs));
        string idleText = idleCores is null ? "" : FormattableString.Invariant($", {idle:0.0} idle");
        string why = runs <= 1
            ? "one run to train"
            : free >= runs
                ? FormattableString.Invariant($"{cores} cores{idleText}: a free core for each run")
                : FormattableString.Invariant($"{cores} cores{idleText}: a run sharing a busy core gains nothing");
        return (parallelism, why);
    }

    /// <summary>
    /// How many cores are idle, measured from /proc/stat over a quarter of a second (Linux; null elsewhere).
    /// Measured now rather than from the load average, which still counts this tool's own runs of the last minute.
    /// </summary>
    public static double? IdleCores()
    {
        static (long Idle, long Total)? Read()
        {
            if (!File.Exists("/proc/stat")) return null;

            var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var ticks = fields.Skip(1).Take(8).Select(f => long.Parse(f, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
            return (ticks[3] + ticks[4], ticks.Sum());
        }

        try
        {
            var before = Read();
            Thread.Sleep(250);
            var after = Read();
            if (before is not { } a || after is not { } b || b.Total <= a.Total) return null;

            return Environment.ProcessorCount * (double)(b.Idle - a.Idle) / (b.Total - a.Total);
        }
        catch (Exception e) when (e is IOException or FormatException or IndexOutOfRangeException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Reports on the training thread, so each run's reports stay in order.</summary>
    private sealed class ForwardingProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
