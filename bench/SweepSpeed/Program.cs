using System.Diagnostics;
using System.Globalization;
using EpochLens.Bench.SweepSpeed;
using EpochLens.Cli.Tests;

// Sweep speed: writes a sweep of generated runs in every format the summary reads (SweepFolderWriter: CSV, Lightning,
// TensorBoard, Hugging Face, MLflow, W&B export, Ray Tune, EpochLens telemetry), then times the epochlens tool as a user
// runs it, `epochlens analyze DIR` with the summary on standard output, once with --jobs 1 and once on all cores, each
// the median of a few rounds, and prints the time per run and the speed-up. The one-core side is pinned to one CPU
// (taskset, DOTNET_PROCESSOR_COUNT=1): --jobs 1 alone still lets each diagnosis and the GC use every core. The CPU
// time the tool used (getrusage of the waited child) is printed beside the wall time: on a machine shared with other
// work the wall time says more about the others than about the tool.
var options = ParseArguments(args);
if (options is null)
{
    Console.Error.WriteLine("usage: SweepSpeed [--runs 1000] [--steps 10000] [--rounds 3] [--tool path/to/epochlens.dll] [--keep DIR]");
    return 2;
}

var (runs, steps, rounds, tool, keep) = options.Value;
if (!File.Exists(tool))
{
    Console.Error.WriteLine($"{tool} not found: build the tool first (dotnet build src/EpochLens.Cli -c Release) or give --tool");
    return 2;
}

string folder = keep ?? Path.Combine(Path.GetTempPath(), "epochlens-sweep-speed", Guid.NewGuid().ToString("N"));
try
{
    var clock = Stopwatch.StartNew();
    if (!Directory.Exists(folder) || !Directory.EnumerateFileSystemEntries(folder).Any())
    {
        SweepFolderWriter.Write(folder, runs, steps);
    }

    Console.WriteLine(Invariant($"{runs:N0} runs of up to {steps:N0} steps in {folder} ({clock.Elapsed.TotalSeconds:F1} s to write); {Environment.ProcessorCount} cores; tool {tool}"));
    Console.WriteLine(Invariant($"load average before: {LoadAverage()}"));
    Console.WriteLine();
    Console.WriteLine("cores  round  seconds  ms/run  CPU s  exit  load average");
    var medians = new Dictionary<int, double>();
    string summary = "";
    foreach (int cores in new[] { 1, Environment.ProcessorCount })
    {
        var times = new List<double>();
        for (int round = 1; round <= rounds; round++)
        {
            var (seconds, cpu, exit, output) = Analyze(tool, folder, cores);
            times.Add(seconds);
            summary = output;
            Console.WriteLine(Invariant($"{cores,5}  {round,5}  {seconds,7:F2}  {seconds * 1000 / runs,6:F1}  {cpu,5:F1}  {exit,4}  {LoadAverage()}"));
        }

        times.Sort();
        medians[cores] = times[times.Count / 2];
    }

    double one = medians[1];
    double all = medians[Environment.ProcessorCount];
    Console.WriteLine();
    Console.WriteLine(Invariant($"median: one core (pinned) {one:F2} s ({one * 1000 / runs:F1} ms/run), {Environment.ProcessorCount} cores {all:F2} s ({all * 1000 / runs:F1} ms/run), speed-up {one / all:F2}x"));
    Console.WriteLine(Invariant($"load average after: {LoadAverage()}"));
    Console.WriteLine();
    Console.WriteLine("The summary's first lines:");
    foreach (var line in summary.Split('\n').Take(8))
    {
        Console.WriteLine("  " + line);
    }

    return 0;
}
finally
{
    if (keep is null)
    {
        Directory.Delete(folder, recursive: true);
    }
}

static (double Seconds, double CpuSeconds, int Exit, string Output) Analyze(string tool, string folder, int cores)
{
    bool pinned = cores == 1 && File.Exists("/usr/bin/taskset");
    var start = new ProcessStartInfo(pinned ? "/usr/bin/taskset" : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
    var arguments = pinned ? new[] { "-c", "0", "dotnet" } : [];
    foreach (var argument in arguments.Concat([tool, "analyze", folder, "--jobs", cores.ToString(CultureInfo.InvariantCulture)]))
    {
        start.ArgumentList.Add(argument);
    }

    start.Environment["COLUMNS"] = "200";
    if (cores == 1)
    {
        start.Environment["DOTNET_PROCESSOR_COUNT"] = "1";
    }

    double cpuBefore = ChildrenCpuSeconds();
    var clock = Stopwatch.StartNew();
    using var process = Process.Start(start)!;
    var output = process.StandardOutput.ReadToEndAsync();
    var error = process.StandardError.ReadToEndAsync();
    process.WaitForExit();
    double seconds = clock.Elapsed.TotalSeconds;
    _ = error.Result;
    return (seconds, ChildrenCpuSeconds() - cpuBefore, process.ExitCode, output.Result);
}

static double ChildrenCpuSeconds() => OperatingSystem.IsLinux() ? ChildUsage.CpuSeconds() : double.NaN;

static string LoadAverage() => File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Trim() : "unknown";

static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

static (int Runs, int Steps, int Rounds, string Tool, string? Keep)? ParseArguments(string[] args)
{
    int runs = 1000, steps = 10_000, rounds = 3;
    string tool = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/EpochLens.Cli/bin/Release/net10.0/epochlens.dll"));
    string? keep = null;
    for (int i = 0; i < args.Length; i++)
    {
        string? value = i + 1 < args.Length ? args[i + 1] : null;
        switch (args[i])
        {
            case "--runs" when int.TryParse(value, out runs) && runs > 0:
            case "--steps" when int.TryParse(value, out steps) && steps > 0:
            case "--rounds" when int.TryParse(value, out rounds) && rounds > 0:
                i++;
                break;
            case "--tool" when value is not null:
                tool = Path.GetFullPath(value);
                i++;
                break;
            case "--keep" when value is not null:
                keep = Path.GetFullPath(value);
                i++;
                break;
            default:
                return null;
        }
    }

    return (runs, steps, rounds, tool, keep);
}
