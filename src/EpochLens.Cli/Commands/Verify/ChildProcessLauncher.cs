using System.Diagnostics;
using EpochLens.Cli.Commands.Train;
using EpochLens.Telemetry;
using EpochLens.Torch.Experiments;
using EpochLens.Torch.Training;

namespace EpochLens.Cli.Commands.Verify;

/// <summary>
/// Trains each run in its own <c>epochlens train</c> process, so runs can go side by side safely (in one process
/// TorchSharp's temporary Scalars can be collected under another thread's native call; see
/// <see cref="InProcessLauncher"/>). Progress comes from the growing steps.csv, which the trainer flushes every second.
/// </summary>
internal sealed class ChildProcessLauncher : IRunLauncher
{
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly string? _dataFolder;

    /// <param name="dataFolder">The --data folder the runs train on; null for the embedded data.</param>
    public ChildProcessLauncher(string? dataFolder) => _dataFolder = dataFolder;

    public bool CanRunSideBySide => true;

    public long Train(PlannedRun run, IProgress<TrainingProgress>? progress, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(run);
        var arguments = TrainArguments.For(run.Options, run.Folder).ToList();
        if (_dataFolder is not null) arguments.AddRange(["--data", _dataFolder]);

        var start = SelfStart();
        foreach (var argument in arguments) start.ArgumentList.Add(argument);

        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        start.Environment["NO_COLOR"] = "1";
        long total = (long)run.Options.StepsPerEpoch * run.Options.Epochs;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start {start.FileName}");
        var output = process.StandardOutput.ReadToEndAsync(cancellation);
        var error = process.StandardError.ReadToEndAsync(cancellation);
        var steps = new StepCounter(Path.Combine(run.Folder, TelemetryFiles.StepsCsv));
        try
        {
            while (!process.WaitForExit(PollInterval))
            {
                cancellation.ThrowIfCancellationRequested();
                Report(progress, steps.Count(), total, run.Options.StepsPerEpoch, clock.Elapsed, "training");
            }
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        if (process.ExitCode != 0)
            throw new InvalidOperationException($"training {run.Label} failed (exit code {process.ExitCode}): {error.Result.Trim()} {output.Result.Trim()}".Trim());

        // The child rebuilt the options from its command line; its run.json must describe the run that was planned.
        var trained = HarnessRun.Open(run.Folder).Options;
        if (trained != run.Options)
            throw new InvalidOperationException($"training {run.Label}: the child process trained {trained}, not the planned {run.Options}");

        long done = steps.Count();
        Report(progress, done, total, run.Options.StepsPerEpoch, clock.Elapsed, "done");
        return done;
    }

    private static void Report(IProgress<TrainingProgress>? progress, long steps, long total, int stepsPerEpoch, TimeSpan elapsed, string phase)
    {
        if (progress is null) return;

        int epoch = (int)Math.Min(Math.Max(0, steps - 1) / Math.Max(1, stepsPerEpoch), int.MaxValue);
        progress.Report(new TrainingProgress(steps, total, epoch, double.NaN, steps / Math.Max(1e-9, elapsed.TotalSeconds), phase));
    }

    /// <summary>This tool started again: the apphost itself, or dotnet with the tool's assembly.</summary>
    private static ProcessStartInfo SelfStart()
    {
        var host = Environment.ProcessPath ?? "dotnet";
        if (string.Equals(Path.GetFileNameWithoutExtension(host), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            var start = new ProcessStartInfo(host);
            start.ArgumentList.Add(typeof(ChildProcessLauncher).Assembly.Location);
            return start;
        }

        return new ProcessStartInfo(host);
    }

    /// <summary>Counts the data lines of a steps.csv that another process is appending to, reading only what is new.</summary>
    private sealed class StepCounter(string path)
    {
        private long _offset;
        private long _lines;

        public long Count()
        {
            if (!File.Exists(path)) return 0;

            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            stream.Seek(_offset, SeekOrigin.Begin);
            var buffer = new byte[1 << 16];
            int read;
            while ((read = stream.Read(buffer)) > 0)
            {
                _lines += buffer.AsSpan(0, read).Count((byte)'\n');
                _offset += read;
            }

            // The header line is not a step.
            return Math.Max(0, _lines - 1);
        }
    }
}
