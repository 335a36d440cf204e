using System.Diagnostics;
using System.Globalization;
using EpochLens.Bench.CsvSpeed;

// Usage: CsvSpeed [--rows N] [--repeats K] [--file PATH] [--long-floats] [--python /usr/bin/python3] [--no-pandas]
//                 [--baseline OTHER/EpochLens.Bench.CsvSpeed.dll] [--analyze CLI.dll BASELINE_CLI.dll]
// --baseline: this benchmark built against another EpochLens (an older reader), read side by side with this build.
// --analyze: `epochlens analyze FILE` end to end with this build's CLI and a baseline CLI, alternately.
// (--first-read PATH and --serve PATH are the child modes: one read in a fresh process, and reads on request.)
if (args is ["--first-read", var only])
{
    return FirstRead.Run(only);
}

if (args is ["--serve", var served])
{
    return Serve.Run(served);
}

long rows = 10_000_000;
int repeats = 5;
string? file = null;
bool longFloats = false;
bool pandas = true;
string python = "/usr/bin/python3";
string? baseline = null;
(string Cli, string Baseline)? analyze = null;
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--rows": rows = long.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--repeats": repeats = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--file": file = args[++i]; break;
        case "--long-floats": longFloats = true; break;
        case "--python": python = args[++i]; break;
        case "--no-pandas": pandas = false; break;
        case "--baseline": baseline = args[++i]; break;
        case "--analyze": analyze = (args[++i], args[++i]); break;
        default: Console.Error.WriteLine($"unknown argument {args[i]}"); return 2;
    }
}

file ??= Path.Combine(Path.GetTempPath(), $"epochlens-bench-{rows}{(longFloats ? "-long" : "")}.csv");
if (!File.Exists(file))
{
    Console.WriteLine($"writing {rows:N0} rows to {file} ...");
    CsvGenerator.Write(file, rows, longFloats);
}

long bytes = new FileInfo(file).Length;
Console.WriteLine($"file: {file}, {bytes / 1e6:F1} MB, {rows:N0} rows ({(longFloats ? "17-digit" : "7-decimal")} losses), {Environment.ProcessorCount} cores");

// Every side reads in a warm process of its own, started once; the rounds interleave them, each round in another order.
string self = typeof(Serve).Assembly.Location;
var sides = new List<ReaderProcess?> { ReaderProcess.Start("EpochLens", "dotnet", self, "--serve", file) };
if (baseline is not null)
{
    sides.Add(ReaderProcess.Start("baseline", "dotnet", baseline, "--serve", file));
}

if (pandas)
{
    sides.Add(ReaderProcess.Start("pandas", python, Path.Combine(AppContext.BaseDirectory, "pandas_read.py"), file));
}

if (sides.Any(s => s is null))
{
    return 1;
}

var readers = sides.Select(s => s!).ToList();
for (int r = 0; r < repeats; r++)
{
    for (int k = 0; k < readers.Count; k++)
    {
        var side = readers[(k + r) % readers.Count];
        var (seconds, cpu) = side.Read();
        Console.WriteLine($"  round {r + 1}, {side.Name}: {seconds:F3} s ({cpu:F3} s CPU), {rows / seconds / 1e6:F1} M rows/s, {bytes / seconds / 1e6:F0} MB/s");
    }
}

// Memory: a fresh process's first read, so that no earlier read has already grown the heap.
foreach (var (name, dll) in new[] { ("EpochLens", self), ("baseline", baseline) })
{
    if (dll is null)
    {
        continue;
    }

    var child = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true };
    child.ArgumentList.Add(dll);
    child.ArgumentList.Add("--first-read");
    child.ArgumentList.Add(file);
    using var firstRead = Process.Start(child)!;
    Console.WriteLine($"  {name} first read in a fresh process: {firstRead.StandardOutput.ReadToEnd().Trim()}");
    firstRead.WaitForExit();
}

static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

Console.WriteLine();
Console.WriteLine($"| reader | median | best | median rows/s | median CPU |");
Console.WriteLine($"|---|---|---|---|---|");
foreach (var side in readers)
{
    Console.WriteLine($"| {side.Name} ({side.Version}) | {Median(side.Seconds):F3} s | {side.Seconds.Min():F3} s | {rows / Median(side.Seconds) / 1e6:F1} M | {Median(side.CpuSeconds):F3} s |");
}

var ours = readers[0];
foreach (var other in readers.Skip(1))
{
    Console.WriteLine($"EpochLens / {other.Name}: {Median(other.Seconds) / Median(ours.Seconds):F2}x (median against median), {other.Seconds.Min() / ours.Seconds.Min():F2}x (best against best), {Median(other.CpuSeconds) / Median(ours.CpuSeconds):F2}x by CPU time (median against median)");
}

readers.ForEach(r => r.Dispose());
if (analyze is { } cli)
{
    AnalyzeTimes.Run(file, cli.Cli, cli.Baseline, repeats);
}

return 0;
